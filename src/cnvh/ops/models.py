"""The task workers that are running, so that the tasks of one that died can be told
apart from the tasks of one still at work (cnvh.ops.recovery)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WorkerProcess(models.Model):
    """A `cnvh worker` process: it registers when it starts and says it is alive every
    few seconds while it runs."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    seen_at = models.DateTimeField(_("last seen"), default=timezone.now)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}, pid {self.pid})"
