"""The member's page of their own API tokens: make one (shown once), revoke one."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cnvh.api import tokens
from cnvh.api.forms import TokenForm
from cnvh.api.models import ApiToken
from cnvh.presentation.access import permission_required

PERMISSION = "api.manage_own_tokens"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(PERMISSION)
def token_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        token, raw = tokens.create_token(user, form.cleaned_data["name"], form.cleaned_data["days"])
        # The page that shows the token is the only place it ever appears.
        created = {"token": token, "raw": raw}
        form = TokenForm()
    context = {
        "form": form,
        "created": created,
        "tokens": ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"),
    }
    return render(request, "api/tokens.html", context)


@require_POST
@permission_required(PERMISSION)
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own: another person's token does not exist here.
    user: Any = request.user
    token = get_object_or_404(ApiToken, pk=pk, user=user)
    tokens.revoke(token, request.user)
    messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name})
    return redirect("api-tokens")
