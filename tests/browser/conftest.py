"""Real Chromium (Debian's, never a downloaded one) driven by Playwright's sync API against
pytest-django's live server. One browser per session; a fresh context and page per test.

The real content is loaded before a browser test that finds the database empty, and again after
every test that ran in transactional_db (which empties all tables), so that whatever runs next
still sees the site's content."""

import os
import re
import shutil

import pytest
from django.test.utils import modify_settings

from tests.conftest import load_site_content

# Playwright's sync API keeps an asyncio loop running in the main thread; Django would otherwise
# refuse ORM calls made from the test body (creating an editor, reloading content).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_MISSING = (
    "Chromium not found: install Debian's chromium package (apt-get install chromium) "
    "to run the browser tests"
)
DESKTOP = {"width": 1280, "height": 900}

# Chromium logs CSP violations as console errors ("Refused to load …"); the listener below also
# turns every securitypolicyviolation event into a console error, so none can slip through.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("Content Security Policy violation: " + event.violatedDirective +
                " blocked " + (event.blockedURI || "inline code") +
                " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


def find_chromium() -> str | None:
    candidates = [os.environ.get("CAREERPATH_CHROMIUM"), "/usr/bin/chromium",
                  shutil.which("chromium")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


class ConsoleLog:
    """Console errors, uncaught exceptions and CSP violations seen by every page of a context."""

    def __init__(self):
        self.problems: list[str] = []
        self.allowed: list[re.Pattern] = []

    def watch(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.problems.append(
            f"uncaught exception on {page.url}: {exc}"))

    def _on_console(self, message):
        text = message.text
        csp = "Content Security Policy" in text or "Refused to" in text
        if message.type == "error" or csp:
            source = message.location.get("url", "") if message.location else ""
            self.problems.append(f"console {message.type} on {message.page.url}: {text}"
                                 f" (from {source})")

    def allow(self, pattern: str):
        """Expect a console error matching pattern (a page that is meant to answer 404)."""
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        return [p for p in self.problems if not any(a.search(p) for a in self.allowed)]

    def clear(self):
        self.problems.clear()

    def assert_clean(self, where: str = ""):
        problems = self.unexpected()
        assert not problems, (
            f"Console errors or CSP violations{' on ' + where if where else ''}:\n  "
            + "\n  ".join(problems)
        )


@pytest.fixture(scope="session")
def browser():
    path = find_chromium()
    if path is None:
        if os.environ.get("CAREERPATH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM_MISSING} (CAREERPATH_REQUIRE_BROWSER=1 requires them).",
                        pytrace=False)
        pytest.skip(CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(request, django_db_blocker):
    """The base URL of pytest-django's live server, with the site's content in its database.

    Most browser tests only read: they run inside the db fixture's transaction and see the
    content loaded once per session. A test that writes (the admin journey) asks for
    `live_server` itself, so pytest-django runs it in transactional_db and empties every table
    afterwards; such a test loads the content first if it finds none, and the teardown hook
    below loads it again for whatever runs next.
    """
    from roles.models import Role

    with django_db_blocker.unblock():  # outside any test transaction, so the server sees it
        if not Role.objects.exists():
            load_site_content()
    if "live_server" in request.fixturenames:
        request.node.stash[_RELOAD_AFTER] = django_db_blocker
    else:
        request.getfixturevalue("db")
    server = request.getfixturevalue("live_server")
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        yield server.url


def _new_context(browser, site, **options):
    context = browser.new_context(base_url=site, viewport=DESKTOP, **options)
    context.set_default_timeout(10_000)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.console = ConsoleLog()
    context.on("page", context.console.watch)
    return context


@pytest.fixture
def context(browser, site):
    context = _new_context(browser, site)
    yield context
    context.close()


@pytest.fixture
def console(context):
    return context.console


def _checked_page(context, request):
    page = context.new_page()
    yield page
    # Every journey and check must also leave the console clean.
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.passed:
        context.console.assert_clean()


@pytest.fixture
def page(context, request):
    yield from _checked_page(context, request)


@pytest.fixture
def nojs_context(browser, site):
    context = _new_context(browser, site, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def nojs_page(nojs_context, request):
    yield from _checked_page(nojs_context, request)


_RELOAD_AFTER = pytest.StashKey()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # Runs after transactional_db has emptied the tables: put the content back for the next test
    # (unless the session is ending and the test database is about to go).
    try:
        return (yield)
    finally:
        blocker = item.stash.get(_RELOAD_AFTER, None)
        if blocker is not None and nextitem is not None:
            with blocker.unblock():
                load_site_content()
