"""Leaders' portfolios from a 领导工作分工 notice: fields of work, units supervised (分管, 主管) and liaised with."""

from gazette.extraction import extract_gazette
from gazette.parsing import parse_gazette
from tests.gazette.extracted import all_of, sample, shared


def test_the_shared_division_of_work_gives_every_leader_a_portfolio():
    portfolios = all_of(shared("xingxian-2023-4.txt"), "portfolios")
    assert [(p.name, p.post) for p in portfolios][:3] == [("梁文壮", "县长"), ("贺建强", "副县长"), ("刘慧", "副县长")]
    deputy = portfolios[1]
    assert deputy.fields[:3] == ["县人民政府常务", "安全生产", "应急管理"]
    assert deputy.supervises[0] == "县人民政府办公室（县政府外事办公室、县政府台港澳事务办公室）"
    assert deputy.liaises[-1] == "县税务局"
    police = next(p for p in portfolios if p.name == "钟连山")
    assert police.supervises == ["县公安局", "县信访局", "县司法局", "县交警大队"]
    assert police.liaises == ["县人民法院", "县检察院", "县武警中队"]  # the last one wrapped onto its own line
    assert portfolios[-1].post == "副县长（挂职）"


def test_a_division_of_work_of_another_county():
    chief, deputy, second = all_of(sample("extract-tab-tables.txt"), "portfolios")
    assert chief.fields == ["县政府全面"]
    assert (deputy.name, deputy.fields) == ("冯军", ["县政府常务", "财政", "审计", "应急管理"])
    assert deputy.supervises == ["县财政局", "县审计局", "县应急管理局"] and deputy.liaises == [
        "县税务局",
        "县人民银行",
    ]
    assert second.span.start == deputy.span.end + 2


def test_other_documents_have_no_portfolios():
    assert all_of(sample("extract-hard-wrapped-roster.txt"), "portfolios") == []


def test_a_division_of_work_with_wrapped_liaisons_and_a_seconded_deputy():
    portfolios = all_of(sample("extract-rosters-and-portfolios.txt"), "portfolios")
    assert [(p.name, p.post) for p in portfolios] == [
        ("韩立新", "县长"),
        ("贾东", "副县长"),
        ("邱明辉", "副县长"),
        ("卢晓燕", "副县长（挂职）"),
    ]
    chief, deputy, police, seconded = portfolios
    assert (chief.fields, chief.supervises, chief.liaises) == (["县人民政府全面"], ["县审计局"], [])
    assert deputy.fields == ["县人民政府常务", "财政", "税务", "金融", "应急管理"]
    assert deputy.supervises == ["县人民政府办公室（县外事办公室）", "县财政局", "县应急管理局"]
    assert deputy.liaises == ["县税务局", "人民银行桐溪支行"]
    assert police.supervises == ["县自然资源局", "县能源局", "县公安局"]
    assert police.liaises == ["县人民法院", "县人民检察院", "县武警中队"]  # the last one wrapped onto its own line
    assert (seconded.fields, seconded.liaises) == (["招商引资"], ["县工商业联合会"])
    assert [(p.span.start, p.span.end) for p in portfolios] == [(15, 16), (17, 19), (20, 23), (24, 25)]


def test_a_division_of_work_with_each_leader_as_a_numbered_heading():
    """extract-portfolios-headed.txt (松岭县, typed by hand): `二、赵军　常务副县长` on a line of its own, the fields,
    分管 and 联系 in paragraphs under it."""
    found = all_of(sample("extract-portfolios-headed.txt"), "portfolios")
    assert [(p.name, p.post, p.supervises, p.liaises) for p in found] == [
        ("王伟", "县长", ["县审计局"], []),
        ("赵军", "常务副县长", ["县发展和改革局", "县财政局"], ["县税务局"]),
        ("孙丽华", "副县长", ["县农业农村局", "县水利局"], []),
    ]
    assert found[1].fields == ["发展改革", "财政", "税务"]
    assert [(p.span.start, p.span.end) for p in found] == [(12, 16), (18, 24), (26, 30)]


def test_a_division_of_work_with_each_post_before_its_leaders_name():
    """extract-portfolios-post-first.txt (青林县, typed by hand): `常务副县长李明：负责…方面工作。分管…。联系…。`, one
    line a leader, and a closing sentence for all of them that is no one's portfolio."""
    found = all_of(sample("extract-portfolios-post-first.txt"), "portfolios")
    assert [(p.name, p.post, p.fields, p.supervises, p.liaises) for p in found] == [
        ("王建国", "县长", ["县人民政府全面", "审计", "编制"], ["县审计局"], []),
        ("李明", "常务副县长", ["县人民政府常务", "发展改革", "财政", "税务"], ["县发改局", "县财政局"], ["县税务局"]),
        ("赵晓燕", "副县长", ["教育", "卫生健康"], ["县教育局", "县卫生健康局"], []),
    ]
    assert [(p.span.start, p.span.end) for p in found] == [(6, 6), (7, 7), (8, 8)]


def test_units_a_leader_supervises_or_liaises_with_under_labels_of_their_own():
    # 云溪县 (invented): each leader's heading line, then 分管：… and 联系：… on lines of their own.
    text = (
        "云溪县人民政府关于县人民政府领导同志工作分工的通知\n云溪政发〔2025〕3号\n各乡镇人民政府，县直各部门：\n"
        "现将县人民政府领导同志工作分工通知如下：\n"
        "陈志明　常务副县长\n负责县人民政府常务工作，负责发展改革、财政等方面工作。\n分管：县发改局、县财政局。\n"
        "联系：县税务局、人行云溪县支行。\n"
        "黄丽华　副县长\n负责教育、卫生健康方面工作。\n分管： 县教育局、县卫健局。\n云溪县人民政府\n2025年2月8日\n"
    )
    portfolios = all_of(extract_gazette(parse_gazette(text), text), "portfolios")
    assert [(p.name, p.post, p.supervises, p.liaises) for p in portfolios] == [
        ("陈志明", "常务副县长", ["县发改局", "县财政局"], ["县税务局", "人行云溪县支行"]),
        ("黄丽华", "副县长", ["县教育局", "县卫健局"], []),
    ]
