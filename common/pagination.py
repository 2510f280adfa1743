"""Pages of a long list: the page a query string asks for, and links to the pages beside it
that keep the rest of the query (filters, answers), so paging works as plain links without
JavaScript and in place with htmx (templates/includes/pager.html)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Count, QuerySet, Window

# Up to this many, a page offers things in a list to choose from (a select, checkboxes); past
# it, each is typed by its name: the path planner's roles, the fit finder's target role, the
# certifications a comparison takes.
PICKER_LIMIT = 60
# The roles of one rung the home page and the ladder show (the ladder's diagram holds three
# boxes a rung at a phone's width with their text whole); the role index lists the rest.
RUNG_LIMIT = 3
# The most a page number may be in a query string (forms use it as max_value).
MAX_PAGE = 10_000
NOT_A_PAGE = "Give a page number, for example 2."
BEFORE_FIRST = "Pages start at 1."


class BadPage(ValueError):
    """A page number that is not one; the message says what to give instead."""


class PageOutOfRange(BadPage):
    """A page past the last one; the message says how many there are."""


def page_number(raw: str | None) -> int:
    """The page a query string asks for, the first when it asks for none. Raises BadPage."""
    if raw is None or raw == "":
        return 1
    if not raw.isdecimal() or len(raw) > len(str(MAX_PAGE)) or int(raw) > MAX_PAGE:
        raise BadPage(NOT_A_PAGE)
    if int(raw) < 1:
        raise BadPage(BEFORE_FIRST)
    return int(raw)


@dataclass(frozen=True)
class Pager:
    page: Page
    previous_url: str
    next_url: str

    @property
    def shown(self) -> bool:
        return self.page.has_other_pages()

    @property
    def first_shown(self) -> int:
        return self.page.start_index()

    @property
    def last_shown(self) -> int:
        return self.page.end_index()


class Counted:
    """One page of a list and the length of the whole list (read together: a window over the
    list, as `first_of` reads it), standing for the list in Django's Paginator, which slices
    it only for that page."""

    def __init__(self, rows: list, start: int, length: int):
        self.rows, self.start, self.length = rows, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice) -> list:
        return self.rows[index.start - self.start : index.stop - self.start]


def first_of(items: QuerySet, limit: int) -> tuple[list, int]:
    """The first `limit` of a query's rows, and how many rows it has in all, in one query
    (the count is a window over the whole result, read beside each row)."""
    found = list(items.annotate(in_all=Window(Count("pk")))[:limit])
    return found, found[0].in_all if found else 0


def paginate(items, number: int | None, per_page: int, kept: dict) -> Pager:
    """Page `number` (the first when None) of `items`; `kept` is the rest of the query string,
    carried into the links. Raises PageOutOfRange past the last page."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(number or 1)
    except EmptyPage:
        pages = paginator.num_pages
        raise PageOutOfRange(
            f"There {'is' if pages == 1 else 'are'} only {pages} page{'' if pages == 1 else 's'}"
            f" of results; page {number} is past the end."
        ) from None

    def link(n: int) -> str:
        query = {**kept, "page": n} if n > 1 else kept
        return "?" + urlencode(query, doseq=True) if query else "?"

    return Pager(
        page,
        link(page.previous_page_number()) if page.has_previous() else "",
        link(page.next_page_number()) if page.has_next() else "",
    )
