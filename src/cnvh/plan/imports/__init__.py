"""Plan data imported from files: agencies, tasks and indicator values."""

from cnvh.exchange.kinds import Kind

PLAN_KINDS: tuple[Kind, ...] = ()
