"""Signed-in sessions end after an idle spell and at a fixed time after sign-in."""

import time

from django.conf import settings
from django.contrib.auth import logout

SIGNED_IN_AT = "_signed_in_at"
LAST_SEEN = "_last_seen"
# Refresh the last-seen time at most once a minute, so an active editor does not cost a
# session write on every request.
LAST_SEEN_RESOLUTION = 60


def start_session_clock(sender, request, user, **kwargs):
    """On sign-in (the user_logged_in signal), so the first request after it writes nothing."""
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


class SignedInSessionTimeoutMiddleware:
    """Sign out a user idle for longer than SESSION_IDLE_SECONDS, or signed in for longer than
    SESSION_COOKIE_AGE, whatever they are doing.

    SESSION_SAVE_EVERY_REQUEST alone would give an idle timeout, but it slides the expiry on
    every request, so an active session would never end, and it writes on every anonymous
    visit too; this keeps both limits and writes only for signed-in users.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; looking would still mark the session
        # as read and add `Vary: Cookie` to every anonymous page.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = int(time.time())
        signed_in_at = session.setdefault(SIGNED_IN_AT, now)
        last_seen = session.get(LAST_SEEN, now)
        idle = now - last_seen > settings.SESSION_IDLE_SECONDS
        too_old = now - signed_in_at > settings.SESSION_COOKIE_AGE
        if idle or too_old:
            logout(request)  # flushes the session; the admin then asks to sign in again
            return
        if now - session.get(LAST_SEEN, 0) >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN] = now
