"""The upload form and the form that starts an estimate from datasets."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cnvh import language
from cnvh.stats import load_scope, shipped_scopes
from cnvh.stats.options import BY_CHOICES
from cnvh.stats.text import says_demo

from . import registry
from .models import Dataset


def _in_language(vi: str, en: str) -> str:
    return language.pick(vi, en)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV, XLSX, XLS, ODS or Parquet. Title rows above the table are skipped."),
    )
    sheet = forms.CharField(
        label=_("Sheet (optional)"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the first sheet whose header names the columns."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (kind.key, _in_language(kind.title_vi, kind.title_en))
            for kind in registry.allowed(user)
        ]


def _dataset_label(dataset: Dataset) -> str:
    years = dataset.years
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
    record = dataset.import_record
    when = record.created_at.date().isoformat()
    parts = [
        f"#{dataset.pk}",
        record.file_name,
        span,
        _("%(count)s rows") % {"count": language.number(dataset.rows)},
        when,
    ]
    return " · ".join(part for part in parts if part)


def _datasets(*kinds: str) -> list[tuple[str, str]]:
    found = Dataset.objects.filter(kind__in=kinds).select_related("import_record")
    return [(f"{dataset.kind}:{dataset.pk}", _dataset_label(dataset)) for dataset in found]


def _scopes() -> list[tuple[str, str]]:
    shipped = []
    for key in shipped_scopes():
        scope = load_scope(key)
        shipped.append(
            (f"shipped:{key}", f"{key} — {_in_language(scope.title_vi, scope.title_en)}")
        )
    return shipped + [
        (value.replace("scope:", "dataset:"), label) for value, label in _datasets("scope")
    ]


class EstimateForm(forms.Form):
    scope = forms.ChoiceField(label=_("Definition (scope)"))
    business_data = forms.ChoiceField(label=_("Business data: unit-level or aggregates"))
    totals = forms.ChoiceField(label=_("Economy totals (GRDP)"))
    area_crosswalk = forms.ChoiceField(label=_("Area crosswalk (optional)"), required=False)
    code_crosswalk = forms.ChoiceField(label=_("Code crosswalk (optional)"), required=False)
    by = forms.MultipleChoiceField(
        label=_("Broken down by"),
        choices=[("sector", _("sector")), ("area", _("area"))],
        initial=["sector"],
        widget=forms.CheckboxSelectMultiple,
    )
    label = forms.CharField(label=_("Label (optional)"), required=False, max_length=255)
    synthetic = forms.BooleanField(
        label=_("The data is synthetic (a demonstration, not official statistics)"),
        required=False,
        initial=True,
        help_text=_(
            "Untick only for real statistics. It stays ticked when a file or the label "
            "says it is sample data (“DỮ LIỆU MẪU”, “mẫu”, “demo”, “synthetic”)."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        none = [("", "—")]
        self._choices("scope", _scopes())
        self._choices("business_data", _datasets("units", "aggregates"))
        self._choices("totals", _datasets("totals"))
        self._choices("area_crosswalk", none + _datasets("area_crosswalk"))
        self._choices("code_crosswalk", none + _datasets("code_crosswalk"))

    def _choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("synthetic") is False:
            labelled = self._demo_titles(data)
            if labelled:
                self.add_error(
                    "synthetic",
                    _(
                        "%(titles)s says it is sample data: the estimate is marked as "
                        "synthetic. Import the real file to publish real figures."
                    )
                    % {"titles": ", ".join(f"“{title}”" for title in labelled)},
                )
        return data

    def _demo_titles(self, data: dict[str, Any]) -> list[str]:
        """The chosen files' names, and the label, that say they are sample data."""
        names = ["business_data", "totals", "area_crosswalk", "code_crosswalk", "scope"]
        ids = [
            _id(data[name])
            for name in names
            if data.get(name, "").partition(":")[0] not in {"", "shipped"}
        ]
        titles = list(
            Dataset.objects.filter(pk__in=[i for i in ids if i is not None]).values_list(
                "import_record__file_name", flat=True
            )
        )
        titles.append(data.get("label") or "")
        return [title for title in titles if says_demo(title)]

    def request(self) -> dict[str, Any]:
        """The form's answers as `service.start_estimate`'s arguments."""
        data = self.cleaned_data
        origin, scope = data["scope"].split(":", 1)
        kind, data_id = data["business_data"].split(":", 1)
        request: dict[str, Any] = {
            "scope_key": scope if origin == "shipped" else "",
            "scope_dataset_id": int(scope) if origin == "dataset" else None,
            f"{kind}_dataset_id": int(data_id),
            "totals_dataset_id": _id(data["totals"]),
            "area_crosswalk_dataset_id": _id(data["area_crosswalk"]),
            "code_crosswalk_dataset_id": _id(data["code_crosswalk"]),
            "by": [part for part in BY_CHOICES if part in data["by"]],
            "label": data["label"],
            "synthetic": data["synthetic"],
        }
        return request


def _id(choice: str) -> int | None:
    return int(choice.partition(":")[2]) if choice else None
