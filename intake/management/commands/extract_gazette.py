import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.messages import translated
from gazette.extraction import extract_gazette
from gazette.parsing import GazetteParseError, decode_gazette_bytes, parse_gazette
from intake.drafts import extraction_as_json
from intake.selectors import resolve_extraction
from org.selectors import county_named


class Command(BaseCommand):
    help = (
        "Print the drafts a gazette file's documents propose (rosters, tasks, phases, parcels, rates, portfolios) "
        "without writing anything. With --json, every name shows how it would resolve in the database inside the "
        "file's county (--county, else the masthead's; top-level key \"county\"), and only there: a task's unit, a "
        'roster\'s member and a portfolio\'s leader gain "resolved"; a roster gains "group_resolved" (the active '
        'group it would supersede) and "office_host_resolved", a portfolio "supervises_resolved" and '
        '"liaises_resolved" (aligned with the names). Each is {"id", "name", "county"} (the county\'s short '
        "name) or null: no single match, or a county the site does not know."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per file, one per line."
        )
        parser.add_argument(
            "--county",
            help="The county whose units, people and groups the names resolve to (兴县); default: the masthead's.",
        )

    def handle(self, *args, files, as_json, county=None, **options):
        failed = 0
        for path in files:
            result, county_name = self.extract_one(path, county)
            failed += "error" in result
            if as_json:
                if "error" not in result:
                    result = {"file": result["file"], "county": county_name, **result}
                    result = resolve_extraction(result, county_named(county_name))
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                self.stdout.write(self.summary(result))
        if failed:
            raise CommandError(
                _("%(failed)s of %(total)s files could not be read.") % {"failed": failed, "total": len(files)}
            )

    def extract_one(self, path, county=None):
        """The file's drafts as JSON data and the name of its county: ``county`` if given, else the masthead's."""
        try:
            text = decode_gazette_bytes(path.read_bytes())
            parsed = parse_gazette(text)
        except OSError as error:
            reason = _("Cannot read the file: %(reason)s") % {"reason": error.strerror}
            return {"file": str(path), "error": reason}, county
        except GazetteParseError as error:
            return {"file": str(path), "error": translated(error.message)}, county
        return extraction_as_json(str(path), extract_gazette(parsed, text)), county or parsed.meta.county

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
