"""Uploaded bytes to text: UTF-16 with its BOM, UTF-8 with or without BOM, else GB18030; full-width digits and
letters as ASCII; binary and undecodable data refused in Chinese."""

from datetime import date

import pytest

from common.messages import translated
from gazette.parsing import GazetteParseError, decode_gazette_bytes, parse_gazette
from tests.gazette.extracted import SAMPLES

TEXT = "示例县人民政府 关于印发示例县防汛预案的通知\n示政发〔2024〕1号\n"


def test_utf8_with_and_without_bom():
    assert decode_gazette_bytes(TEXT.encode("utf-8")) == TEXT
    assert decode_gazette_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_utf16_with_its_byte_order_mark_as_word_and_notepad_save_unicode_text():
    windows = TEXT.replace("\n", "\r\n")
    assert decode_gazette_bytes(b"\xff\xfe" + windows.encode("utf-16-le")) == TEXT
    assert decode_gazette_bytes(b"\xfe\xff" + windows.encode("utf-16-be")) == TEXT


def test_full_width_digits_and_letters_are_read_as_ascii_and_punctuation_stays():
    written = "青川县人民政府关于推进ＰＰＰ项目的通知\n青府发〔２０２５〕５号\n２０２５年７月３１日前完成，ｘ。\n"
    assert decode_gazette_bytes(written.encode("utf-8")) == (
        "青川县人民政府关于推进PPP项目的通知\n青府发〔2025〕5号\n2025年7月31日前完成，x。\n"
    )


def test_a_gazette_printed_with_full_width_digits_is_numbered_and_dated():
    # 青川县 (invented): the masthead, the contents and the document all print ２０２５.
    written = (
        "青川县人民政府公报\n２０２５年第２期（总第１８期）\n２０２５年６月３０日出版\n\n目　录\n\n"
        "青川县人民政府关于做好２０２５年森林防灭火工作的通知（青府发〔２０２５〕５号）……１\n\n"
        "青川县人民政府关于做好２０２５年森林防灭火工作的通知\n青府发〔２０２５〕５号\n\n"
        "各乡镇人民政府，县直各部门：\n请做好森林防灭火工作。\n\n青川县人民政府\n２０２５年５月２０日\n"
    )
    issue = parse_gazette(decode_gazette_bytes(written.encode("utf-8")))
    assert (issue.meta.year, issue.meta.number, issue.meta.cumulative) == (2025, 2, 18)
    (document,) = issue.documents
    assert (document.number, document.title, document.signed, document.addressee, document.toc_page) == (
        "青府发〔2025〕5号",
        "关于做好2025年森林防灭火工作的通知",
        date(2025, 5, 20),
        "各乡镇人民政府，县直各部门：",
        1,
    )
    assert issue.warnings == []


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
