"""Real Chromium (Debian's, never a downloaded one) driven by Playwright's sync API against
pytest-django's live server. One browser for the whole run of browser tests; a fresh context
and page per test.

The real content is loaded before a browser test that finds the database empty, and again after
every test that ran in transactional_db (which empties all tables), so that whatever runs next
still sees the site's content."""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.test.utils import modify_settings

from tests.conftest import load_site_content

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
// htmx reports a failed swap only as an event; make each one a console error too, and count the
// swaps so a test can tell that it really checked the console after one.
window.__htmxSwaps = 0;
document.addEventListener("htmx:afterSettle", function () { window.__htmxSwaps += 1; });
["htmx:swapError", "htmx:targetError", "htmx:sendError", "htmx:responseError",
 "htmx:onLoadError", "htmx:historyCacheError", "htmx:oobErrorNoTarget"].forEach(function (name) {
  document.addEventListener(name, function (event) {
    var detail = event.detail || {};
    var status = detail.xhr ? " (status " + detail.xhr.status + ")" : "";
    console.error("htmx " + name.slice(5) + status + " on " + location.href);
  });
});
"""


def find_chromium() -> str | None:
    """Debian's Chromium, or the binary CAREERPATH_CHROMIUM names."""
    override = os.environ.get("CAREERPATH_CHROMIUM")
    candidates = [override] if override else ["/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


class ConsoleLog:
    """Console errors, uncaught exceptions and CSP violations seen by every page of a context."""

    def __init__(self):
        self.problems: list[str] = []
        self.allowed: list[re.Pattern] = []

    def watch(self, page):
        page.on("console", self._on_console)
        page.on(
            "pageerror",
            lambda exc: self.problems.append(f"uncaught exception on {page.url}: {exc}"),
        )

    def _on_console(self, message):
        text = message.text
        csp = "Content Security Policy" in text or "Refused to" in text
        if message.type == "error" or csp:
            source = message.location.get("url", "") if message.location else ""
            self.problems.append(
                f"console {message.type} on {message.page.url}: {text} (from {source})"
            )

    def allow(self, pattern: str):
        """Expect a console error matching pattern (a page that is meant to answer 404)."""
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        return [p for p in self.problems if not any(a.search(p) for a in self.allowed)]

    def assert_clean(self, where: str = ""):
        problems = self.unexpected()
        assert not problems, (
            f"Console errors or CSP violations{' on ' + where if where else ''}:\n  "
            + "\n  ".join(problems)
        )


class Chromium:
    """One Chromium for each unbroken run of browser tests (normally the whole session).

    Playwright's sync API keeps an asyncio loop running in the main thread while it is alive, and
    Django then refuses ORM calls from the test body (creating an editor, reloading content), so
    DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly as long as the browser runs: tests that follow
    (some start subprocesses that inherit the environment) see neither.
    """

    ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

    def __init__(self):
        self.playwright = self.browser = None
        self.saved_env = None

    def get(self):
        if self.browser is None:
            path = find_chromium()
            if path is None:
                if os.environ.get("CAREERPATH_REQUIRE_BROWSER") == "1":
                    pytest.fail(
                        f"{CHROMIUM_MISSING} (CAREERPATH_REQUIRE_BROWSER=1 requires them).",
                        pytrace=False,
                    )
                pytest.skip(CHROMIUM_MISSING)
            from playwright.sync_api import sync_playwright

            self.saved_env = os.environ.get(self.ASYNC_UNSAFE)
            os.environ[self.ASYNC_UNSAFE] = "true"
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        return self.browser

    def stop(self):
        if self.playwright is None:
            return
        try:
            self.browser.close()
        finally:
            self.playwright.stop()
            self.playwright = self.browser = None
            if self.saved_env is None:
                os.environ.pop(self.ASYNC_UNSAFE, None)
            else:
                os.environ[self.ASYNC_UNSAFE] = self.saved_env


CHROMIUM = Chromium()


@pytest.fixture
def browser():
    return CHROMIUM.get()


@pytest.fixture
def site(request, django_db_blocker):
    """The base URL of pytest-django's live server, with the site's content in its database.

    Browser test modules are marked django_db, so pytest-django sets up the test database and
    runs each test in a transaction that is rolled back; the pages only read, and see the content
    loaded once per session. A test that writes (the admin journey) is marked
    django_db(transaction=True) and asks for `live_server` itself: pytest-django empties every
    table after it, so it loads the content first if it finds none, and the teardown hook below
    loads it again for whatever runs next.
    """
    if request.node.get_closest_marker("django_db") is None:
        pytest.fail(
            "Mark browser tests django_db: without it they would reach the development "
            "database instead of the test database.",
            pytrace=False,
        )
    from roles.models import Role

    writes = "live_server" in request.fixturenames
    server = request.getfixturevalue("live_server")
    if writes:
        request.node.stash[_RELOAD_AFTER] = django_db_blocker
        if not Role.objects.exists():
            load_site_content()
    elif not Role.objects.exists():
        pytest.fail(
            "The test database has no content: a transactional test emptied it and "
            "nothing loaded it again.",
            pytrace=False,
        )
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
def context(site, browser):
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
def nojs_context(site, browser):
    context = _new_context(browser, site, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def nojs_page(nojs_context, request):
    yield from _checked_page(nojs_context, request)


_RELOAD_AFTER = pytest.StashKey()


@pytest.hookimpl(trylast=True)  # after pytest-django has put the tests in database order
def pytest_collection_modifyitems(items):
    """Move this folder's tests that need no browser (HTML validity) ahead of the first browser
    test, so the browser tests that share the rolled-back database run on one Chromium."""
    folder = Path(__file__).parent
    first = next((i for i, item in enumerate(items) if "browser" in item.fixturenames), None)
    if first is None or _transactional(items[first]):
        return
    movable = [
        item
        for item in items[first:]
        if item.path.is_relative_to(folder)
        and "browser" not in item.fixturenames
        and not _transactional(item)
    ]
    for item in movable:
        items.remove(item)
    items[first:first] = movable


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return "live_server" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Start Chromium before any fixture: starting Playwright switches the main thread's context
    # (greenlets carry their own contextvars), and a database transaction the db fixture opened
    # before that would no longer be the test's connection.
    if "browser" in item.fixturenames:
        CHROMIUM.get()


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
        if nextitem is None or "browser" not in nextitem.fixturenames:
            CHROMIUM.stop()
        blocker = item.stash.get(_RELOAD_AFTER, None)
        if blocker is not None and nextitem is not None:
            with blocker.unblock():
                load_site_content()


def pytest_sessionfinish(session):
    CHROMIUM.stop()
