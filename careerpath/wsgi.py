"""WSGI entry point: ``careerpath.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")
# Web requests get a statement timeout well inside gunicorn's 30 s worker timeout.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "10000")

django_application = get_wsgi_application()

# A page the shared cache holds is answered at the door, before Django (front_door.py).
from careerpath.front_door import FrontDoor  # noqa: E402

application = FrontDoor(django_application)

# The release's digest, read once here, before gunicorn forks its workers (preload_app), so no
# visitor waits while a worker reads the code to look up a published page.
from common.release import code_fingerprint  # noqa: E402

code_fingerprint()

# The URLconf too, and with it every view and what the views import (django-ninja, WeasyPrint):
# Django loads it at the first request, so without this every worker would pay most of a second
# on its first visitor, after every start and restart.
from django.urls import reverse  # noqa: E402

reverse("home")
