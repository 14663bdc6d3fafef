"""Uploaded bytes to text: UTF-16 with its BOM, UTF-8 with or without BOM, else GB18030; binary and undecodable data
refused in Chinese."""

import pytest

from common.messages import translated
from gazette.parsing import GazetteParseError, decode_gazette_bytes
from tests.gazette.extracted import SAMPLES

TEXT = "示例县人民政府 关于印发示例县防汛预案的通知\n示政发〔2024〕1号\n"


def test_utf8_with_and_without_bom():
    assert decode_gazette_bytes(TEXT.encode("utf-8")) == TEXT
    assert decode_gazette_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_utf16_with_its_byte_order_mark_as_word_and_notepad_save_unicode_text():
    windows = TEXT.replace("\n", "\r\n")
    assert decode_gazette_bytes(b"\xff\xfe" + windows.encode("utf-16-le")) == TEXT
    assert decode_gazette_bytes(b"\xfe\xff" + windows.encode("utf-16-be")) == TEXT


def test_utf16_without_its_mark_or_cut_in_a_character_is_refused_in_chinese():
    with pytest.raises(GazetteParseError) as error:
        decode_gazette_bytes(TEXT.encode("utf-16-le"))
    assert "文本" in translated(error.value.message)
    with pytest.raises(GazetteParseError) as error:
        decode_gazette_bytes(b"\xff\xfe\x00\xd8")  # half a surrogate pair
    assert "UTF-8" in translated(error.value.message)


def test_gbk_and_gb18030():
    assert decode_gazette_bytes(TEXT.encode("gbk")) == TEXT
    text = decode_gazette_bytes((SAMPLES / "gb18030.txt").read_bytes())
    assert "范例县𠮷祥湖湿地保护办法" in text  # a character outside GBK


def test_line_endings_are_normalised():
    assert decode_gazette_bytes("一\r\n二\r三\n".encode()) == "一\n二\n三\n"
    assert "\r" not in decode_gazette_bytes((SAMPLES / "gb18030.txt").read_bytes())


def test_tabs_and_form_feeds_are_text():
    assert decode_gazette_bytes("序号\t名称\f\n".encode()) == "序号\t名称\f\n"


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary\x00", TEXT.encode("utf-16-le"), b"PK\x03\x04" + bytes(range(256))],
)
def test_binary_data_is_refused(data):
    with pytest.raises(GazetteParseError) as error:
        decode_gazette_bytes(data)
    assert "文件不是文本文件" in translated(error.value.message)


def test_control_characters_mark_binary_data():
    with pytest.raises(GazetteParseError) as error:
        decode_gazette_bytes(("正文" + "\x07\x1b" * 20).encode())
    assert "文件不是文本文件" in translated(error.value.message)


@pytest.mark.parametrize("data", [b"\xfe\xfd\xff" * 10, "公报".encode() + b"\x81\x20"])
def test_undecodable_data_asks_for_utf8(data):
    with pytest.raises(GazetteParseError) as error:
        decode_gazette_bytes(data)
    assert "UTF-8" in translated(error.value.message) and "无法识别文件编码" in translated(error.value.message)


def test_empty_data_decodes_to_empty_text():
    assert decode_gazette_bytes(b"") == ""
