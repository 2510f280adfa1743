"""Synthetic content at a multiple of the real content, to show that the cost of a page stays
flat as content grows (query-budget tests, `make bench`, `generate_content`)."""

from django.db import transaction

from common.synthetic import COPY_SLUG

from .registry import KINDS


@transaction.atomic
def multiply_content(factor: int) -> dict[str, int]:
    """Add (factor - 1) copies of every kind that can be copied, linked to each other like the
    originals. Returns the number of rows added per kind."""
    originals = {kind.name: kind.originals(COPY_SLUG) for kind in KINDS}
    added = {kind.name: 0 for kind in KINDS if originals[kind.name]}
    for i in range(1, factor):
        copies: dict[str, dict] = {}
        for kind in KINDS:
            copies[kind.name] = kind.synthesize(i, originals[kind.name], copies)
            if copies[kind.name]:
                added[kind.name] += len(copies[kind.name])
    return added
