"""Bytes of an uploaded file to text: UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312)."""

from .errors import GazetteParseError

# Share of control characters (other than TAB and line breaks) above which the data is not text.
_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def decode_gazette_bytes(data: bytes) -> str:
    """The text, line endings normalised to \\n. Binary or undecodable data: GazetteParseError in Chinese."""
    if b"\x00" in data:
        raise GazetteParseError("文件不是文本文件（含有二进制数据），请上传公报的纯文本（.txt）文件。")
    text = _decode(data)
    controls = sum(1 for char in text if char < " " and char not in _TEXT_CONTROLS)
    if text and controls / len(text) > _CONTROL_SHARE:
        raise GazetteParseError("文件不是文本文件（含有大量控制字符），请上传公报的纯文本（.txt）文件。")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise GazetteParseError("无法识别文件编码，请将文件另存为 UTF-8 编码的文本后再上传。") from None
