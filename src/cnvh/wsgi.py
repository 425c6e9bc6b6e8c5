"""WSGI entry point: `gunicorn cnvh.wsgi` or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cnvh.settings")

application = get_wsgi_application()
