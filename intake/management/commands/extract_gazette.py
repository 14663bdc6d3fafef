import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gazette.extraction import extract_gazette
from gazette.parsing import GazetteParseError, decode_gazette_bytes, parse_gazette
from intake.drafts import extraction_as_json


class Command(BaseCommand):
    help = (
        "Print the drafts a gazette file's documents propose (rosters, tasks, phases, parcels, rates) "
        "without writing anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per file, one per line."
        )

    def handle(self, *args, files, as_json, **options):
        failed = 0
        for path in files:
            result = self.extract_one(path)
            failed += "error" in result
            if as_json:
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                self.stdout.write(self.summary(result))
        if failed:
            raise CommandError(
                _("%(failed)s of %(total)s files could not be read.") % {"failed": failed, "total": len(files)}
            )

    def extract_one(self, path):
        try:
            text = decode_gazette_bytes(path.read_bytes())
            parsed = parse_gazette(text)
        except OSError as error:
            return {"file": str(path), "error": _("Cannot read the file: %(reason)s") % {"reason": error.strerror}}
        except GazetteParseError as error:
            return {"file": str(path), "error": error.message}
        return extraction_as_json(str(path), extract_gazette(parsed, text))

    def summary(self, result):
        if "error" in result:
            return f"{result['file']}: {result['error']}"
        return _(
            "%(file)s: %(rosters)s rosters with %(members)s members, %(tasks)s tasks, %(phases)s phases, "
            "%(parcels)s parcels, %(rates)s rates"
        ) % {
            "file": result["file"],
            "rosters": len(result["rosters"]),
            "members": sum(len(roster["members"]) for roster in result["rosters"]),
            "tasks": len(result["tasks"]),
            "phases": len(result["phases"]),
            "parcels": len(result["parcels"]),
            "rates": len(result["rates"]),
        }
