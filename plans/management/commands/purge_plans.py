"""Delete plans nobody has opened for 18 months, and rate-limit counters of past windows."""

from django.core.management.base import BaseCommand

from plans import ratelimit, selectors, services


class Command(BaseCommand):
    help = "Delete plans not opened for 18 months, and expired rate-limit counters."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = selectors.purge_cutoff()
        if dry_run:
            count = len(selectors.plans_not_opened_since(cutoff))
            self.stdout.write(
                f"{count} plan(s) not opened since {cutoff:%Y-%m-%d} would be deleted."
            )
            return
        count = services.plans_purge(cutoff=cutoff)
        counters = ratelimit.prune()
        self.stdout.write(
            f"Deleted {count} plan(s) not opened since {cutoff:%Y-%m-%d} "
            f"and {counters} expired rate-limit counter(s)."
        )
