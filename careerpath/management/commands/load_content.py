"""Validate every content file, then write them all in one transaction."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careerpath.content import ContentInvalid, load_content, read_content
from careerpath.registry import KINDS


class Command(BaseCommand):
    help = (
        "Validate the content files in DIR (default fixtures/) and load them in one transaction. "
        "Records missing from the files are listed, and deleted only with --prune."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(settings.CONTENT_DIR))
        parser.add_argument(
            "--prune", action="store_true", help="Delete records that are no longer in the files."
        )
        parser.add_argument(
            "--check", action="store_true", help="Only validate the files; write nothing."
        )

    def handle(self, directory, prune, check, **options):
        directory = Path(directory)
        try:
            if check:
                content = read_content(directory)
                counts = ", ".join(
                    f"{len(content.records[k.name])} {k.name}"
                    for k in KINDS
                    if k.name in content.present
                )
                self.stdout.write(self.style.SUCCESS(f"All content files are valid: {counts}."))
                return
            report = load_content(directory, prune=prune)
        except ContentInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(exc.errors)} problem(s) in the content files; nothing was written."
            ) from None

        for kind in (k.name for k in KINDS):
            created, updated = report.created.get(kind, 0), report.updated.get(kind, 0)
            unchanged, deleted = report.unchanged.get(kind, 0), report.deleted.get(kind, 0)
            if created or updated or unchanged or deleted:
                line = f"{kind}: {created} created, {updated} updated, {unchanged} unchanged"
                if deleted:
                    line += f", {deleted} deleted"
                self.stdout.write(line)
            missing = report.missing.get(kind) or []
            if missing:
                self.stdout.write(
                    self.style.WARNING(
                        f"{kind}: {len(missing)} in the database but not in the files "
                        f"(kept; use --prune to delete): {', '.join(missing)}"
                    )
                )
        self.stdout.write(
            self.style.SUCCESS(
                "Content loaded." if report.changed else "Content loaded: nothing changed."
            )
        )
