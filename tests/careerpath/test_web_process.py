"""The web process as gunicorn starts it: it imports careerpath.wsgi once, then forks its
workers, which share what that import loaded."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Imports the web entry point, then lists the modules of every view the URLconf routes to that
# the import had not loaded (walking the URLconf loads them, so they are noted first).
LEFT_FOR_THE_FIRST_REQUEST = """
import json, sys
import careerpath.wsgi
loaded = set(sys.modules)
from django.urls import get_resolver

def views(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from views(pattern.url_patterns)
        else:
            yield pattern.callback.__module__

print(json.dumps(sorted({module for module in views(get_resolver().url_patterns)} - loaded)))
"""


def test_every_view_is_loaded_before_the_workers_fork_so_no_first_visitor_waits_for_it():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "careerpath.settings"}
    env.pop("DATABASE_URL", None)  # importing needs no database
    result = subprocess.run(
        [sys.executable, "-c", LEFT_FOR_THE_FIRST_REQUEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
