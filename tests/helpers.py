"""Helpers for test modules that are neither fixtures nor factories."""

import ast
import io
import re

from django.utils import translation
from openpyxl import Workbook

from gazette.messages import warning_text

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def response_bytes(response):
    """The body of a response, streamed or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def shown_warnings(parsed):
    """A parsed issue's warnings as the pages show them, in the active language ("第123行：…" in Chinese)."""
    return [warning_text(warning.as_json()) for warning in parsed.warnings]


def xlsx(*rows):
    """An .xlsx file whose first sheet holds ``rows``."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def marked_msgids(paths):
    """The text of every gettext_noop(...) call in the files ``paths``, as makemessages extracts it."""
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext_noop":
                yield node.args[0].value


def untranslated(msgids):
    """The msgids without a Chinese translation that keeps their placeholders."""
    missing = []
    for msgid in msgids:
        with translation.override("zh-hans"):
            chinese = translation.gettext(msgid)
        if chinese == msgid or not CHINESE.search(chinese):
            missing.append(msgid)
        elif set(PLACEHOLDER.findall(chinese)) != set(PLACEHOLDER.findall(msgid)):
            missing.append(msgid)
    return missing
