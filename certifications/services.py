"""What editors do to certifications beyond editing one."""

from datetime import date

from django.db import transaction

from .models import Certification


@transaction.atomic
def certifications_mark_verified(*, certifications, on: date) -> list[Certification]:
    """Record that the facts of each certification were checked against its sources `on`."""
    marked = list(certifications)
    for certification in marked:
        certification.verified_on = on
        certification.save()  # save(), not update(): the signals refresh the public pages
    return marked
