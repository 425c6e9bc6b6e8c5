"""The register's forms: an enterprise, and the list's filters. Dates are typed
dd/mm/yyyy and numbers in the reader's style (`cnvh.exchange.fields`)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cnvh.enterprises import identity
from cnvh.enterprises.models import Enterprise, LegalForm
from cnvh.enterprises.sectors import PLAN_SCOPE, known_vsic, scope_sectors, vsic
from cnvh.enterprises.wards import find_ward, ward_choices
from cnvh.exchange import fields as typed
from cnvh.language import pick


class EnterpriseForm(forms.ModelForm):
    # Written as people write them ("0100233488-001", "59.20"), compacted when cleaned.
    tax_code = forms.CharField(
        label=_("tax code"),
        max_length=20,
        help_text=_("10 digits, 13 for a branch, or the 12-digit personal number."),
    )
    main_vsic = forms.CharField(label=_("main VSIC code"), max_length=10, required=False)
    other_vsic = forms.CharField(
        label=_("other VSIC codes"),
        required=False,
        help_text=_("Separated by commas or spaces, e.g. 7410, 9000."),
    )
    ward_code = forms.CharField(
        label=_("ward or commune code"),
        required=False,
        help_text=_("Today's 5-digit code; a former commune's code is converted."),
    )

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Enterprise
        fields = [
            "tax_code",
            "name_vi",
            "name_en",
            "legal_form",
            "main_vsic",
            "other_vsic",
            "address",
            "ward_code",
            "size",
            "founded_on",
            "status",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # One enterprise, one tax code: a new code is a new enterprise.
            self.fields["tax_code"].disabled = True
            self.initial["other_vsic"] = ", ".join(self.instance.other_vsic)

    def clean_tax_code(self) -> str:
        written = self.cleaned_data["tax_code"]
        found = identity.problem(written)
        if found is not None:
            raise ValidationError(
                pick(f"{found.what_vi} {found.fix_vi}", f"{found.what_en} {found.fix_en}")
            )
        return identity.compact(written)

    def clean_main_vsic(self) -> str:
        codes = _checked_codes(self.cleaned_data["main_vsic"])
        if len(codes) > 1:
            raise ValidationError(_("Write one main code; the others below."))
        return codes[0] if codes else ""

    def clean_other_vsic(self) -> list[str]:
        return _checked_codes(self.cleaned_data["other_vsic"])

    def clean_ward_code(self) -> str:
        written = self.cleaned_data["ward_code"].strip()
        if not written:
            self.instance.former_ward_code = ""
            return ""
        found = find_ward(written)
        if found.code is None:
            raise ValidationError(
                _(
                    "No ward or commune of Hanoi has the code %(code)s, or it was divided:"
                    " write today's code."
                )
                % {"code": written}
            )
        self.instance.former_ward_code = found.converted_from
        return found.code


def _checked_codes(written: str) -> list[str]:
    codes = [vsic(part) for part in written.replace(";", " ").replace(",", " ").split()]
    unknown = [code for code in codes if not known_vsic(code)]
    if unknown:
        raise ValidationError(_("Not VSIC 2018 codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    return list(dict.fromkeys(codes))


class EnterpriseFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    ward = forms.ChoiceField(label=_("Ward or commune"), required=False)
    legal_form = forms.ChoiceField(label=_("Legal form"), required=False)
    supported = forms.ChoiceField(
        label=_("Supported"),
        required=False,
        choices=[("", _("All")), ("yes", _("Supported")), ("no", _("Not supported"))],
    )
    q = forms.CharField(label=_("Name or tax code"), required=False, max_length=100)
    # The records of the plan's support indicators in a year (their pages link here).
    supported_in = forms.IntegerField(
        label=_("Support approved in (year)"), min_value=2000, max_value=2099, required=False
    )
    ip_granted_in = forms.IntegerField(
        label=_("IP title granted in (year), after support"),
        min_value=2000,
        max_value=2099,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sectors: Any = self.fields["sector"]
        sectors.choices = [("", _("All sectors"))] + [
            (key, pick(vi, en)) for key, vi, en in scope_sectors(PLAN_SCOPE)
        ]
        wards: Any = self.fields["ward"]
        wards.choices = [("", _("All wards and communes")), *ward_choices()]
        forms_field: Any = self.fields["legal_form"]
        forms_field.choices = [("", _("All legal forms")), *LegalForm.choices]
