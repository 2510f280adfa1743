"""Page-number pagination with a bounded page size, for every list the API returns.

A list is a query (only the page asked for is read, after counting) or, where a rule in
Python picks the items, a list the apps' selectors read whole in a fixed number of queries; a
page is a slice of it, so the query count stays fixed whatever the page.
"""

import math
from collections.abc import Sequence
from urllib.parse import urlencode

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import BaseModel

from .errors import ApiError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Items per page, 1 to {MAX_PAGE_SIZE}.",
    )


class PageInfo(BaseModel):  # a plain model, as in schemas.py
    count: int = Field(description="Items in the whole list.")
    page: int
    page_size: int
    pages: int = Field(description="Number of pages (0 when the list is empty).")
    next: str | None = Field(description="The next page's URL, if there is one.")
    previous: str | None = Field(description="The previous page's URL, if there is one.")


def paginate(
    request, items: Sequence | QuerySet, paging: PageQuery, serialize, prepare=None
) -> dict:
    """{"count", "page", …, "items"}; a page past the last one is a 404 with a message.
    `prepare`, if given, takes the page's items as a list before they are serialized (to set
    what a query's prefetched rows decide, say)."""
    count = items.count() if isinstance(items, QuerySet) else len(items)
    pages = math.ceil(count / paging.page_size)
    if paging.page > max(pages, 1):
        raise ApiError(
            404,
            f"Page {paging.page} does not exist: this list has {pages} "
            f"page{'s' if pages != 1 else ''} of {paging.page_size}.",
        )
    start = (paging.page - 1) * paging.page_size
    page = list(items[start : start + paging.page_size])
    if prepare is not None:
        prepare(page)
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "pages": pages,
        "next": _page_url(request, paging.page + 1) if paging.page < pages else None,
        "previous": _page_url(request, paging.page - 1) if paging.page > 1 else None,
        "items": [serialize(item) for item in page],
    }


def _page_url(request, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.path}?{urlencode(sorted(query.lists()), doseq=True)}"
