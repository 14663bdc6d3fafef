import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from projects.models import Reminder
from projects.reminders import rules
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from projects.reminders.mail import digest_subject

OVERDUE_TIERS = (rules.ESCALATE, rules.URGE, rules.REMINDER)


class Command(BaseCommand):
    help = "Run the reminder sweep and send the digests (what beat runs each morning), or preview them."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to sweep (YYYY-MM-DD); today by default.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be sent; write nothing.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON.")

    def handle(self, *args, date, dry_run, as_json, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(_("The date must be written YYYY-MM-DD, e.g. 2024-03-01.")) from None
        if dry_run:
            self._preview(day, as_json)
        else:
            self._run(day, as_json)

    def _preview(self, day, as_json):
        plan, digests = reminder_selectors.preview(day)
        for digest in digests:
            overdue = sum(len(digest["tasks"].get(tier, ())) for tier in OVERDUE_TIERS)
            upcoming = sum(len(ids) for ids in digest["tasks"].values()) - overdue
            digest["subject"] = digest_subject(overdue, upcoming)
        if as_json:
            self.stdout.write(
                json.dumps(
                    {
                        "date": day.isoformat(),
                        "day_off": plan.day_off,
                        "digests": digests,
                        "without_email": len(plan.without_email),
                    },
                    ensure_ascii=False,
                )
            )
            return
        if plan.day_off:
            self.stdout.write(_("%(day)s is not a working day: no reminders.") % {"day": day})
        for digest in digests:
            self.stdout.write(f"{digest['recipient']}  {digest['subject']}")
            for tier, ids in digest["tasks"].items():
                self.stdout.write(f"    {Reminder.Tier(tier).label}: {', '.join(map(str, ids))}")
        self.stdout.write(_("%(count)s e-mails would be sent.") % {"count": len(digests)})

    def _run(self, day, as_json):
        record = reminder_services.sweep(day=day, trigger="command")
        sent, failed = reminder_services.send_due_digests()
        summary = {
            "date": day.isoformat(),
            "day_off": record.day_off,
            "reminders": record.reminders,
            "digests": record.digests,
            "sent": sent,
            "failed": failed,
            "without_email": record.without_email,
        }
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self.stdout.write(
                _(
                    "%(date)s: %(reminders)s new reminders in %(digests)s e-mails; sent %(sent)s, failed %(failed)s; "
                    "%(without_email)s contacts without an e-mail address."
                )
                % summary
            )
