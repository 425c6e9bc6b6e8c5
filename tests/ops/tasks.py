"""A task for the worker test: it writes to the database, so that a run is visible."""

from django.tasks import task


@task
def count_users(label: str) -> str:
    from django.contrib.auth.models import User

    return f"{label}: {User.objects.count()}"
