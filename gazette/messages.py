"""The gazette parser's messages and the import's warnings in the reader's language. gazette.parsing (no Django)
words them in English and marks them with its own gettext_noop; they are stored that way (msgid and parameters) and
translated here (the warnings; single messages by common.messages), when shown, in the language active then."""

from django.utils.translation import gettext


def warning_text(warning):
    """One of Issue.warnings (or of an import's report) as text in the active language: ``{"line", "text",
    "params"}`` from the parser, ``{"text", "params"}`` from the import itself, or a plain string as stored before
    warnings were translated, shown as it is."""
    if isinstance(warning, str):
        return warning
    text = gettext(warning["text"]) % warning.get("params", {})
    if warning.get("line") is None:
        return text
    return gettext("Line %(line)s: %(message)s") % {"line": warning["line"], "message": text}
