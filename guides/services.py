"""What editors do to guides and FAQs beyond editing one: publishing and reordering.

Each writes with save(), not update(), so the signals refresh the public pages."""

from django.db import transaction

from .models import FAQ


@transaction.atomic
def content_set_published(*, objects, published: bool) -> list:
    """Publish (or return to draft) every one of `objects` not already so; return those changed."""
    changed = []
    for obj in objects:
        if obj.published != published:
            obj.published = published
            obj.save()
            changed.append(obj)
    return changed


def _numbered_category(category: str) -> list[FAQ]:
    """The FAQs of one category in order, renumbered 1, 2, 3… so no two share a position."""
    siblings = list(FAQ.objects.filter(category=category).order_by("order", "question"))
    for position, sibling in enumerate(siblings, start=1):
        if sibling.order != position:
            sibling.order = position
            sibling.save()
    return siblings


@transaction.atomic
def faq_move(*, faq: FAQ, step: int) -> FAQ | None:
    """Swap `faq` with its neighbour `step` places on in its category; None at either end."""
    siblings = _numbered_category(faq.category)
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == faq.pk)
    other = index + step
    if not 0 <= other < len(siblings):
        return None
    mine, theirs = siblings[index], siblings[other]
    mine.order, theirs.order = theirs.order, mine.order
    mine.save()
    theirs.save()
    return mine
