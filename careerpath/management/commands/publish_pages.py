"""`manage.py publish_pages`: build every page that shows one thing again, as a content change
does. Run it after a release (`make serve` does): a page published by the last release is
never served by this one, so until then every page is built on request."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careerpath.freshness import republish


class Command(BaseCommand):
    help = "Publish every page that shows one thing under a new content version."

    def handle(self, *args, **options):
        if not settings.PUBLISH_PAGES:
            raise CommandError(
                "Publishing is off here (CAREERPATH_PUBLISH_PAGES=0, or DJANGO_DEBUG on): "
                "pages are built on every request."
            )
        count = republish()
        self.stdout.write(f"Published {count} pages.")
