"""Grow the content to a multiple of its size with synthetic copies (for load tests)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careerpath.freshness import republish
from careerpath.search import rebuild_index
from careerpath.synthetic import multiply_content


class Command(BaseCommand):
    help = (
        "Add synthetic copies of every role, skill, salary figure, certification, FAQ and "
        "guide so the content is FACTOR times its size (e.g. 10 or 100). Never on production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10)

    def handle(self, factor, **options):
        if factor < 2:
            raise CommandError("--factor must be 2 or more.")
        added = multiply_content(factor)
        entries = rebuild_index()
        # The copies are written in bulk, which sends no signal: publish as a change would.
        published = republish() if settings.PUBLISH_PAGES else 0
        summary = ", ".join(f"{count} {kind}" for kind, count in added.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {summary}; search index has {entries} entries; {published} pages published."
            )
        )
