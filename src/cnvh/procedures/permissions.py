"""Who may see and edit the procedures and the day swaps: the rules of
`cnvh.plan.permissions` (deny by default), applied to this registry. Everyone who
works on the plan reads them, since their deadlines come from here; coordinators
edit them."""

import rules

from cnvh.plan.permissions import is_coordinator, is_member

rules.add_perm("procedures.view_procedures", is_member)
rules.add_perm("procedures.change_procedures", is_coordinator)
