"""URLs reversed once per name and arguments.

Django's `reverse` matches the name against the URLconf on every call, which a page that links
to a hundred roles and skills pays a hundred times. The URLconf is code, the same in every
process and unchanged while one runs, so the URL for a name and its arguments (under one
script prefix) never changes: remembering it decides nothing a visitor sees.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix
from django.urls import reverse as django_reverse

# Every role, skill, certification and guide at a hundred times today's content, twice over.
REMEMBERED = 16384


def reverse(viewname: str, args=(), *, current_app: str | None = None) -> str:
    """Django's reverse by position; a URL that carries a secret (a plan's link, named in
    settings.UNREMEMBERED_URLS) is built afresh each time and kept nowhere."""
    if viewname.startswith(settings.UNREMEMBERED_URLS):
        return django_reverse(viewname, args=args, current_app=current_app)
    return _reverse(viewname, tuple(args), current_app, get_script_prefix())


@lru_cache(maxsize=REMEMBERED)
def _reverse(viewname, args, current_app, _prefix) -> str:
    return django_reverse(viewname, args=args, current_app=current_app)
