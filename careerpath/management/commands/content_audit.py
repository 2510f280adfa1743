"""List the facts that need an editor: stale checks, unverified facts, figures without an
edition, internal links that no longer resolve. `--strict` fails when any of them must be fixed."""

from django.core.management.base import BaseCommand, CommandError

from careerpath.audit import BLOCKING, run_audit


class Command(BaseCommand):
    help = (
        "List facts last checked more than 12 months ago, unverified facts, pay figures without "
        "an edition and internal links that no longer resolve. With --strict, exit non-zero when "
        "anything other than a labelled unverified fact is found."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Fail on stale facts, missing editions, misused 'verified' or broken links.",
        )

    def handle(self, strict, **options):
        report = run_audit()
        for kind, label, findings in report.sections:
            if not findings:
                continue
            marker = "must fix" if kind in BLOCKING else "labelled on the page"
            self.stdout.write(f"\n{label} ({len(findings)}, {marker})")
            for finding in findings:
                self.stdout.write(f"  - {finding.subject}: {finding.detail}")
        self.stdout.write("\n" + report.summary())
        if strict and report.blocking:
            raise CommandError(
                f"{len(report.blocking)} finding(s) must be fixed before the content is current."
            )
