import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.messages import translated
from gazette import services
from gazette.messages import warning_text
from gazette.parsing import GazetteParseError


class Command(BaseCommand):
    help = "Import gazette text files: one transaction per file; the same file twice changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--county", default="", help="The county, for files without a masthead.")
        parser.add_argument("--year", type=int, help="The issue's year, for files that do not say it.")
        parser.add_argument(
            "--number", type=int, help="The issue's number within the year, for files that do not say it."
        )
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; write nothing.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per file (a list for several)."
        )

    def handle(self, *args, files, county, year, number, dry_run, as_json, **options):
        reports, failed = [], 0
        for path in files:
            report = self.import_one(path, county=county, year=year, number=number, dry_run=dry_run)
            failed += "error" in report
            reports.append(report)
            if not as_json:
                self.stdout.write(self.summary(report))
        if as_json:
            output = reports[0] if len(reports) == 1 else reports
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        if failed:
            raise CommandError(
                _("%(failed)s of %(total)s files could not be imported.") % {"failed": failed, "total": len(files)}
            )

    def import_one(self, path, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            return {"file": str(path), "error": _("Cannot read the file: %(reason)s") % {"reason": error.strerror}}
        try:
            result = services.import_gazette(data, name=path.name, **options)
        except GazetteParseError as error:
            return {"file": str(path), "error": translated(error.message)}
        # Warnings as text in the command's language, as the import's review page shows them.
        warnings = [warning_text(warning) for warning in result.report["warnings"]]
        return {**result.report, "warnings": warnings, "file": str(path), "outcome": result.outcome}

    def summary(self, report):
        if "error" in report:
            return f"{report['file']}: {report['error']}"
        return _("%(file)s: %(documents)s documents, %(warnings)s warnings (%(outcome)s)") % {
            "file": report["file"],
            "documents": len(report["documents"]),
            "warnings": len(report["warnings"]),
            "outcome": report["outcome"],
        }
