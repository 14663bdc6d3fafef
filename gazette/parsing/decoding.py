"""Bytes of an uploaded file to text: UTF-16 with its byte-order mark (Word's and Notepad's "Unicode text"), UTF-8
(with or without BOM), else GB18030 (which covers GBK and GB2312). Full-width digits and Latin letters (２０２５年,
ＰＰＰ) become ASCII ones, as the numbers, dates and deadlines are read and as the rest of the ledger writes them;
full-width punctuation, Chinese text's own, stays."""

from .errors import GazetteParseError
from .messages import Message, gettext_noop

# Share of control characters (other than TAB and line breaks) above which the data is not text.
_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_HALF_WIDTH = str.maketrans(
    {chr(code): chr(code - 0xFEE0) for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
)
_UNRECOGNISED = gettext_noop("The file's encoding is not recognised; save it as UTF-8 text and upload it again.")


def decode_gazette_bytes(data: bytes) -> str:
    """The text, line endings normalised to \\n and full-width digits and letters to ASCII. Binary or undecodable
    data: GazetteParseError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = _utf16_as_utf8(data)
    if b"\x00" in data:
        raise GazetteParseError(
            Message(
                gettext_noop(
                    "The file is not a text file (it holds binary data); upload the gazette's plain text (.txt)."
                )
            )
        )
    text = _decode(data)
    controls = sum(1 for char in text if char < " " and char not in _TEXT_CONTROLS)
    if text and controls / len(text) > _CONTROL_SHARE:
        raise GazetteParseError(
            Message(
                gettext_noop(
                    "The file is not a text file (it holds many control characters); upload the gazette's plain text "
                    "(.txt)."
                )
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_HALF_WIDTH)


def _utf16_as_utf8(data):
    """UTF-16 text (its BOM tells the byte order) re-encoded as UTF-8, so that the checks below see its characters;
    undecodable: GazetteParseError."""
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise GazetteParseError(Message(_UNRECOGNISED)) from None


def _decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise GazetteParseError(Message(_UNRECOGNISED)) from None
