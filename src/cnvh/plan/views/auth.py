"""Login and logout: Django's views, with failed attempts rate-limited."""

from django.contrib.auth import views as auth_views
from django.urls import reverse

from cnvh.plan.forms import LoginForm


class LoginView(auth_views.LoginView):
    # Django rotates the session key on login, so a planted session id is useless.
    template_name = "plan/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        """Without a safe `next`, a member who has work to do lands on it."""
        if self.request.user.has_perm("plan.view_my_work"):
            return reverse("plan-my-work")
        return super().get_default_redirect_url()


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default): a link or an image cannot log anyone out."""
