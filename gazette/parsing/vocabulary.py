"""The fixed words of official documents: issuers, 文种, markers. Nothing here names a particular county."""

import re

from .numbers import CJK

# 某县人民政府, 某县人民政府办公室, 某市政府办公室; the county part ends in 县, 市, 区 or 旗 (自治县 included).
# A gazette's department documents come from the county's bureaus and committees (某县财政局, 中共某县委办公室),
# often jointly (某县财政局　某县农业农村局): the first issuer's county is the document's.
_COUNTY = rf"(?!关于)(?:(?!县)[{CJK}]){{1,12}}?(?:县|市|区|旗)"  # one county: 县 ends it
# A department's name holds no other county and no 政府 (a caption run into the signer's line is no department).
DEPARTMENT = rf"(?:(?!县|政府|关于)[{CJK}]){{1,16}}?(?:局|委员会|委|办公室|中心)"
_BODY = rf"(?:人民)?政府(?:办公室|办公厅)?|{DEPARTMENT}"
# Some gazettes print the government without the county's name (县人民政府办公室): its county is the issue's.
_BARE_GOVERNMENT = r"(?<![\u4e00-\u9fff])[县市区旗](?:人民)?政府(?:办公室|办公厅)?"
_ISSUER = (
    rf"(?:中共)?(?:(?P<county>{_COUNTY})(?:{_BODY})|{_BARE_GOVERNMENT})(?:\s*(?:中共)?{_COUNTY}(?:{_BODY})){{0,5}}"
)
ISSUER_LINE = re.compile(rf"^(?P<issuer>{_ISSUER})(?:文件)?$")
ISSUER_WITH_TITLE = re.compile(rf"^(?P<issuer>{_ISSUER})\s*(?P<title>关于.*)$")
ISSUER_AT_END = re.compile(rf"(?P<issuer>{_ISSUER})$")


# Documents named by their issuer and kind alone, with no 关于: a decree (某县人民政府令, then 第5号), the minutes of
# a meeting (某县人民政府常务会议纪要, then （第28次）), a notice to the public (某县人民政府通告, then （2025年第1号）
# or its number). Matched on squeezed text; the ordinal may share the line.
_ORDINAL = r"[（(]?(?:(?:19|20)\d\d年)?第(?P<ordinal>\d{1,4}|[〇零一二三四五六七八九十百]{1,6})(?P<counter>号|次)[）)]?"
MINUTES_TITLE = rf"(?!关于)(?:第\d{{1,4}}次)?[{CJK}]{{0,12}}?纪要"
NAMED_TITLE = rf"令|通告|公告|{MINUTES_TITLE}"
NAMED_HEADING = re.compile(
    rf"^(?P<issuer>(?:中共)?(?P<county>{_COUNTY})(?:{_BODY}))(?P<title>{NAMED_TITLE})(?:{_ORDINAL})?$"
)
ORDINAL_LINE = re.compile(rf"^{_ORDINAL}$")


def issuer_names(text):
    """The issuer as printed, joint issuers (某县财政局　某县农业农村局) separated by 、."""
    return "、".join(text.split())


# 文种, looked up in this order so that 承诺函 wins over 函.
KINDS = (
    "承诺函",
    "批复",
    "通知",
    "通报",
    "通告",
    "公告",
    "报告",
    "请示",
    "意见",
    "决定",
    "决议",
    "命令",
    "议案",
    "纪要",
    "函",
    "办法",
    "方案",
    "规定",
    "细则",
    "规则",
    "计划",
    "规划",
    "预案",
    "要点",
    "安排",
    "措施",
    "制度",
)
# What a 印发 notice issues; its title ends in one of these (or continues with a bracket such as （试行）).
INSTRUMENT_KINDS = (
    "方案",
    "办法",
    "计划",
    "规划",
    "预案",
    "规则",
    "细则",
    "措施",
    "要点",
    "安排",
    "制度",
    "规定",
    "意见",
)

# Disclosure marking after the signature date: （此件公开发布）, (此件主动公开), （此件依申请公开）, （不公开）.
DISCLOSURE = re.compile(
    r"^[（(【\[]?\s*(?P<marking>此件[^（()）]{0,20}|不予?公开|依申请公开|主动公开|公开发布)\s*[）)】\]]?$"
)
PUBLIC_MARKING = re.compile(r"^(?:此件)?(?:公开发布|主动公开|公开)")

# Section and list markers at the start of a line: 一、 （一） 第一章 1. （1） ①
MARKER = re.compile(
    r"^(?:[一二三四五六七八九十百零]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百零\d]+[章节条部分篇]"
    r"|\d{1,3}(?:[.．、](?!\d)|\s*[)）])|[（(]\d{1,3}[）)]|[①-⑳]|[-•·]\s)"
)
# Markers that introduce a heading when the line is short and unpunctuated (not 1) or ① list items).
HEADING_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十百零]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百零\d]+[章节部分篇]"
    r"|\d{1,3}[.．、](?!\d))"
)

# Roster and list lines stand alone: `组 长：某某 县长`, `副组长：…`, `王 玉 县财政局局长` (a name, a space, a post).
ROSTER_LINE = re.compile(rf"^(?:[{CJK}](?:\s?[{CJK}]){{1,5}}\s*[：:]\s*\S|[{CJK}]\s?[{CJK}]{{1,2}}\s+[{CJK}])")

# 附件 labels printed before each annex after the signature: 附件, 附件 2, 附件3：某某表 (not 附件目录).
_ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*(?P<index>\d{1,2})?\s*(?P<colon>[:：])?\s*(?P<title>.*)$")
# The list of annexes before the signature: 附件：1. 某某表 2. 某某名单（见网络版）
ATTACHMENT_LIST = re.compile(r"^-?\s*附\s*件\s*[:：]\s*(?P<rest>.*)$")
ONLINE_ONLY = re.compile(r"[（(]?\s*(?:详)?见网络版\s*[）)]?")
LIST_ITEM = re.compile(r"(?:^|\s)\d{1,2}\s*[.．、]\s*")

# Contact lines printed after a signature: （联系人：某某 联系电话：…）
CONTACT = re.compile(r"^[（(]?\s*联系(?:人|电话|方式)")
# Furniture between documents: the policy-consultation box some gazettes print after each document (政策咨询 /
# 咨询单位：… / 咨询电话：… / 扫码咨询); the record under a reprinted document (抄送：…, 某某办公室 2024年12月2日印发);
# the gazette's section heads (【县政府文件】, 【人事任免】).
FURNITURE = re.compile(
    r"^(?:政\s*策\s*咨\s*询|咨询(?:单位|电话|地址|人)\s*[:：].*|扫码(?:咨询|阅读)"
    r"|(?:抄\s*送|抄\s*报|分\s*送)\s*[:：].*"
    r"|[^，。；]{0,30}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发"
    r"|【[^【】]{0,16}(?:文件|人事任免|任免|政策解读|大事记|公告|通告)】)$"
)
# Printed where a page broke, matched on squeezed text: a page number (— 5 —, -5-, 第5页) or the running head (the
# gazette's name, with or without the issue, either way round).
_ISSUE_WORDS = r"(?:(?:19|20)\d\d年)?第\d{1,3}期(?:[（(]总第\d{1,4}期[）)])?"
_GAZETTE_WORDS = r"[^，。；：:,;]{1,14}(?:人民政府公报|政府公报|政报)"
PAGE_FURNITURE = re.compile(
    rf"^(?:[-－—–]{{1,2}}\d{{1,4}}[-－—–]{{1,2}}|第\d{{1,4}}页|{_GAZETTE_WORDS}(?:{_ISSUE_WORDS})?|{_ISSUE_WORDS}{_GAZETTE_WORDS})$"
)


def attachment_label(text):
    """(index or None, inline title) when text is a 附件 label, else None."""
    match = _ATTACHMENT_LABEL.match(text)
    if not match or (match["title"] and not (match["index"] or match["colon"])):
        return None
    return match["index"], match["title"].strip()


# A title that issues or forwards another text (关于印发…, 关于转发…) is a notice's, even where the printed title stops
# at the instrument (关于印发…实施方案, its 的通知 left out).
_ISSUING = re.compile(r"^关于(?:印发|转发)")
_TRAILING_BRACKETS = re.compile(r"[（(][^（()）]*[）)]$")


def kind_of(title):
    """The 文种 a title ends in; a title ending 的请示的批复 is a 批复, one reading 关于印发…方案 a 通知. Empty when
    none is known."""
    squeezed = re.sub(r"\s+", "", title)
    kind = next((kind for kind in KINDS if squeezed.endswith(kind)), "")
    if kind in INSTRUMENT_KINDS and _ISSUING.match(squeezed):
        return "通知"
    return kind


def instrument_kind(title):
    """The kind of a plan, measures, rules… by its title's ending, a period in brackets left out:
    某某总体规划(2021—2025年) is a 规划."""
    squeezed = re.sub(r"\s+", "", title)
    return kind_of(_TRAILING_BRACKETS.sub("", squeezed)) or kind_of(squeezed)


def is_public(marking):
    """此件公开发布 and 此件主动公开 are public; 此件依申请公开 (on request only) and 不公开 are not."""
    return bool(marking) and bool(PUBLIC_MARKING.match(marking))
