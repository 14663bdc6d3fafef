from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from demo import compensation, land, qinglan
from demo import xingxian as demo


class Command(BaseCommand):
    help = (
        "Load the demo county (兴县) with its organisations and rosters, a second invented county (青岚县), "
        "and create the demo accounts."
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(_("Demo data and demo accounts are only created in demo mode (DJANGO_MODE=demo)."))
        result = demo.load_demo()
        if result["loaded"]:
            self.stdout.write(
                _(
                    "Demo data loaded: %(issues)s gazette issues with %(documents)s documents, "
                    "%(organisations)s organisations, %(people)s people, "
                    "%(groups)s groups with %(memberships)s roster lines."
                )
                % result
            )
        else:
            self.stdout.write(_("Demo data already present; nothing changed."))
        second = qinglan.load_demo()
        if second["loaded"]:
            self.stdout.write(
                _(
                    "Second demo county %(county)s (invented): %(documents)s gazette documents, "
                    "%(organisations)s units, %(people)s people, %(groups)s groups, %(tasks)s tasks, "
                    "%(proposals)s proposals to review."
                )
                % second
            )
        with transaction.atomic():
            parcels = land.load_demo()
        if parcels:
            self.stdout.write(
                _("Land demo: %(plans)s plan, %(parcels)s parcels (%(linked)s linked to their 批复).") % parcels
            )
        schemes, households = compensation.load_demo(), compensation.load_demo_households()
        if schemes:
            self.stdout.write(_("Compensation: %(count)s real schemes loaded.") % {"count": schemes})
        if households:
            self.stdout.write(
                _("Compensation: %(count)s invented households of the third phase.") % {"count": households}
            )
        accounts = demo.ensure_demo_accounts()
        # After the accounts: the supervisors' addresses receive the escalations.
        day, sent = demo.send_demo_reminders()
        where = getattr(settings, "EMAIL_FILE_PATH", settings.EMAIL_HOST)
        self.stdout.write(
            _("Reminders for %(day)s: %(sent)s e-mails sent to %(where)s.") % {"day": day, "sent": sent, "where": where}
        )
        self.stdout.write(_("Demo accounts (demo mode only):"))
        for account in accounts:
            self.stdout.write(f"  {account.username} / {account.password}  （{account.role}）")
