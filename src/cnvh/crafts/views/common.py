"""What the registry's edit pages share: a login, a permission, a form, a redirect."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cnvh.plan.permissions import require


def edit(
    request: HttpRequest,
    form_class: type[forms.ModelForm],
    instance: Model | None,
    permission: str,
    done: Callable[[Any], str],
    title: str,
) -> HttpResponse:
    """Add (no instance: `crafts.add_record`) or change a record."""
    require(request.user, permission if instance else "crafts.add_record", instance)
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Saved."))
        return redirect(done(saved))
    return render(request, "crafts/form.html", {"form": form, "object": instance, "title": title})


def refuse_into(form: forms.Form, error: ValidationError) -> None:
    """A workflow's refusal shown on the form that asked for it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
