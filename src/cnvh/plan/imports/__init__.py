"""Plan data imported from files: agencies, tasks and indicator values."""

from cnvh.exchange.kinds import Kind
from cnvh.plan.imports.agencies import AgencyKind
from cnvh.plan.imports.indicator_values import IndicatorValueKind
from cnvh.plan.imports.tasks import TaskKind

PLAN_KINDS: tuple[Kind, ...] = (AgencyKind(), TaskKind(), IndicatorValueKind())
