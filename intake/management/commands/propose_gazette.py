from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gazette.models import Issue
from intake.services import propose_for_issue


class Command(BaseCommand):
    help = (
        "Store the proposals (rosters, tasks, parcels…) read from imported gazette issues, for review; "
        "reviewed proposals are left alone, so running it again is safe."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--issue", type=int, help="The id of one imported issue.")
        which.add_argument("--all", action="store_true", help="Every imported issue.")

    def handle(self, *args, issue, all, **options):
        issues = Issue.objects.select_related("gazette").order_by("pk")
        if issue is not None:
            issues = issues.filter(pk=issue)
            if not issues.exists():
                raise CommandError(_("There is no issue %(id)s.") % {"id": issue})
        for each in issues:
            counts = propose_for_issue(each)
            self.stdout.write(
                _(
                    "%(issue)s: %(created)s new, %(updated)s updated, %(dropped)s dropped proposals; "
                    "%(entered)s rosters already in the ledger."
                )
                % {"issue": each, **counts}
            )
