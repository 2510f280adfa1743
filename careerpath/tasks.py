"""Work a content change leaves for after its commit, as Django tasks: where they run is
settings.TASKS (CAREERPATH_TASKS: in the process that made the change, or in a worker of its
own reading a queue in the database)."""

from django.db import connection, transaction
from django.tasks import task

# Any fixed number: the PostgreSQL advisory lock every publishing transaction takes.
PUBLISHING_LOCK = 0x6361_7265_6572  # "career"


@task()
def publish(version: int) -> int:
    """Publish every page under `version` while it is the current content version; how many
    pages, 0 when a newer change has moved the version on (its own task publishes that one).

    One publishing at a time: each replaces every published row, and two at once would leave
    one's rows beside the other's, or trip over them. A queue may hold several; the ones whose
    version has gone by the time they hold the lock skip the work."""
    from .freshness import database_version
    from .publishing import publish_pages

    with transaction.atomic():
        if connection.vendor == "postgresql":  # SQLite lets one writer in at a time anyway
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISHING_LOCK])
        if database_version() != version:
            return 0
        return publish_pages(version)
