"""Parsing a gazette's extracted text into plain data. No Django here."""

from .columns import tab_spaced_columns
from .decoding import decode_gazette_bytes
from .errors import GazetteParseError
from .messages import Message, ParseWarning
from .parser import parse_gazette
from .report import alerts, as_json
from .result import (
    Attachment,
    Block,
    Instrument,
    IssueMeta,
    ParsedDocument,
    ParsedIssue,
    Span,
    TocEntry,
)

__all__ = [
    "Attachment",
    "Block",
    "GazetteParseError",
    "Instrument",
    "IssueMeta",
    "Message",
    "ParseWarning",
    "ParsedDocument",
    "ParsedIssue",
    "Span",
    "TocEntry",
    "alerts",
    "as_json",
    "decode_gazette_bytes",
    "parse_gazette",
    "tab_spaced_columns",
]
