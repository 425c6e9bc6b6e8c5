"""The stages of an import or an estimate run, named for people: the pages that follow
a run and the provenance of its estimate say them alike."""

from django.utils.translation import gettext_lazy as _

STAGES = {
    "queued": _("Waiting for a task worker"),
    "reading": _("Reading the file"),
    "checking": _("Checking the rows"),
    "saving": _("Saving"),
    "done": _("Done"),
    "open files": _("Opening the datasets"),
    "one pass over the data": _("Reading the data"),
    "checks": _("Checking"),
    "compute": _("Computing"),
    "confidence intervals": _("Confidence intervals"),
    "provenance": _("Recording the provenance"),
}
