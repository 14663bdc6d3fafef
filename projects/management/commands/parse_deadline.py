import json
import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from projects.deadlines import parse_deadline

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = "Read deadline phrases (完成时限, 整改时限 …) as dates, relative to the document's signing date."

    def add_arguments(self, parser):
        parser.add_argument("phrases", nargs="+", metavar="PHRASE")
        parser.add_argument(
            "--ref-date", required=True, help="The signing date of the document the phrases come from (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per phrase, one per line."
        )

    def handle(self, *args, phrases, ref_date, as_json, **options):
        reference = _reference_date(ref_date)
        for phrase in phrases:
            deadline = parse_deadline(phrase, reference)
            if as_json:
                self.stdout.write(json.dumps(deadline.as_json(), ensure_ascii=False))
            else:
                self.stdout.write(f"{phrase}: {_summary(deadline)}")


def _reference_date(value):
    # The shape is checked first: fromisoformat alone also takes 20231228 and 2023-W52-4.
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _('--ref-date must be a date written YYYY-MM-DD, such as 2023-12-28, not "%(value)s".') % {"value": value}
        ) from None


def _summary(deadline):
    parts = []
    if deadline.start:
        parts.append(_("from %(start)s") % {"start": deadline.start.isoformat()})
    if deadline.due:
        parts.append(
            _("due %(due)s (%(precision)s)") % {"due": deadline.due.isoformat(), "precision": deadline.precision}
        )
    if deadline.recurrence:
        parts.append(_("recurring %(code)s") % {"code": deadline.recurrence})
    if deadline.ongoing:
        parts.append(_("ongoing"))
    return ", ".join(parts) or _("not understood")
