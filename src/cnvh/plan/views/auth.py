"""Login and logout: Django's views, with failed attempts rate-limited."""

from django.contrib.auth import views as auth_views

from cnvh.plan.forms import LoginForm


class LoginView(auth_views.LoginView):
    # Django rotates the session key on login, so a planted session id is useless.
    template_name = "plan/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default): a link or an image cannot log anyone out."""
