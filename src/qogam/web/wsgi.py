"""WSGI entry point (used by `qogam serve` through waitress, or any WSGI server)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qogam.web.settings")
application = get_wsgi_application()
