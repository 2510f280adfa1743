"""Helpers for synthetic copies of content (query-budget tests and `make bench` at a multiple
of the real content): each content kind copies its own rows with them."""

COPY_SLUG = r"-x[0-9]+$"


def clone(obj, **changes):
    """An unsaved copy of `obj` with every concrete field but the primary key."""
    model = type(obj)
    values = {
        f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields if not f.primary_key
    }
    return model(**{**values, **changes})


def copies_of(originals, make) -> dict:
    """{original pk: saved copy}, the copies made by `make` and saved in one query."""
    copies = {obj.pk: make(obj) for obj in originals}
    if copies:
        type(next(iter(copies.values()))).objects.bulk_create(copies.values())
    return copies


def link_copies(model, name, originals, copies, targets, *, keep_original=False):
    """Give each copy the many-to-many links `name` of its original, pointed at the copied
    targets (`targets`: {original target pk: copy}) and, with keep_original, at the original
    targets too."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = []
    for obj in originals:
        for related in getattr(obj, name).all():
            ends = [targets[related.pk]] + ([related] if keep_original else [])
            rows += [through(**{source: copies[obj.pk], target: end}) for end in ends]
    through.objects.bulk_create(rows)
