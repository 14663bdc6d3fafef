"""Generated gazettes that grow with ``n``, for the scaling tests and bench/bench_scaling.py: each shape stresses
one part of the parser or the extractors (many task items, long rosters, many parcels, long tables, deep brackets,
very long lines, many contents lines)."""

MASTHEAD = "示例县人民政府公报\n\n2024 年第 1 期（总第 5 期）\n\n"
SIGNATURE = "\n示例县人民政府办公室\n\n2024 年 1 月 10 日\n\n（此件公开发布）\n"


def notice(title, number, body):
    """One document: heading, number, addressee, ``body`` (lines), signature."""
    return (
        f"示例县人民政府办公室 关于{title}的通知\n\n示政办发〔2024〕{number} 号\n\n"
        f"各乡（镇）人民政府，县直各有关单位：\n\n" + "\n".join(body) + "\n" + SIGNATURE + "\n"
    )


def task_items(n):
    """The issue's report: ``n`` numbered items, each ending in a responsibility bracket, one line each."""
    body = [f"（{i}）完成第{i}项任务。（责任单位：县林业局）" for i in range(1, n + 1)]
    return MASTHEAD + notice("下达重点工作任务", 8, body)


def task_paragraph(n):
    """``n`` items numbered from 1000 on, one line each: four-digit numbers start no paragraph, so the lines join
    into one paragraph of ``n`` items (the shape that made extraction quadratic)."""
    body = [f"（{i}）完成第{i}项任务。（责任单位：县林业局）" for i in range(1000, 1000 + n)]
    return MASTHEAD + notice("下达重点工作任务", 8, body)


def roster(n):
    """A leadership group with ``n`` members."""
    body = [
        "为加强领导，决定成立示例县城乡供水一体化工作领导小组。现将组成人员通知如下：",
        "组 长：李明远 县委副书记、县长",
        "副组长：赵 刚 县人民政府副县长",
        "成 员：周晓东 县水利局局长",
        *(f"{_name(i)} 县第{i}局局长" for i in range(n)),
        "领导小组下设办公室，办公室设在县水利局，办公室主任由周晓东兼任。",
    ]
    return MASTHEAD + notice("成立示例县城乡供水一体化工作领导小组", 5, body)


def _numeral(i):
    """``i`` in Chinese numerals digit by digit (12 → 一二): the ordinal patterns take any run of them."""
    return "".join("十一二三四五六七八九"[int(digit)] for digit in str(i))


def _name(i):
    given = "明刚伟华东丽军强磊洋"
    return "王" + given[i % 10] + given[(i // 10) % 10]


def parcels(n):
    """A 批复 approving ``n`` parcels in one sentence on one line, then a paragraph about each parcel."""
    numbers = "、".join(f"2024-{i // 100 + 1}-{i % 100 + 1}" for i in range(n))
    areas = "、".join(f"{1000 + i}.5 平方米" for i in range(n))
    granting = (
        f"一、同意将位于城关镇东关村的 {numbers}号宗地，面积分别为 {areas}的国有建设用地使用权"
        "以划拨方式供应给县教育局，用途为教育用地。"
    )
    notes = [f"第{i}宗地按规定办理供地手续，容积率不大于 2.5。" for i in range(1, n + 1)]
    text = (
        "示例县人民政府 关于 2024 年度宗地国有建设用地使用权划拨方案的批复\n\n示政函〔2024〕12 号\n\n"
        "县自然资源局：\n\n你局《关于宗地划拨方案的请示》已收悉。经研究，批复如下：\n\n"
        + "\n".join([granting, *notes])
        + "\n\n示例县人民政府\n\n2024 年 3 月 1 日\n\n（此件公开发布）\n"
    )
    return MASTHEAD + text


def task_table(n):
    """A task table of ``n`` rows, with merged cells (every other row's units left empty)."""
    rows = ["序号\t重点工作\t主要任务\t完成时限\t牵头单位\t配合单位"]
    for i in range(1, n + 1):
        units = "县林业局\t各乡（镇）" if i % 2 else "\t"
        rows.append(f"{i}\t第{i}项重点工作\t完成第{i}项任务 {i} 亩\t2024年{i % 12 + 1}月底前\t{units}")
    return MASTHEAD + notice("下达重点工作任务", 8, ["附件", "", "重点工作任务分解表", "", *rows])


def scheme(rows):
    """A compensation scheme whose rate table is ``rows``."""
    body = ["为做好东关片区房屋征收补偿工作，制定本方案。", "一、房屋补偿标准", *rows]
    return MASTHEAD + notice("印发示例县东关片区房屋征收补偿方案", 14, body)


def rate_table(n):
    """A compensation scheme's table of ``n`` rates."""
    return scheme(["种类\t结构\t补偿标准\t备注", *(f"第{i}类房屋\t砖混\t{1000 + i} 元/m²\t" for i in range(1, n + 1))])


def wrapped_rates(n):
    """A scheme's paragraph of ``n`` rates in one sentence, hard-wrapped at 16 characters: read as one text."""
    sentence = "".join(f"第{i}类房屋每平方米{1000 + i}元，" for i in range(1, n + 1)) + "按此标准补偿。"
    return scheme([sentence[start : start + 16] for start in range(0, len(sentence), 16)])


def brackets(n):
    """One item whose text holds ``n`` nested brackets before its responsibility bracket."""
    item = "（1）完成" + "（" * n + "第一项" + "）" * n + "任务。（责任单位：县林业局）"
    return MASTHEAD + notice("下达重点工作任务", 8, [item])


def long_line(n):
    """One line of ``n`` sentences, each a task."""
    line = "".join(f"完成第{i}项任务，做好第{i}项工作（县林业局负责）；" for i in range(1, n + 1))
    return MASTHEAD + notice("下达重点工作任务", 8, [line])


def labelled_items(n):
    """``n`` items whose units and deadline follow on lines of their own, under labels."""
    body = []
    for i in range(1, n + 1):
        body += [f"{i}.完成第{i}项任务。", "牵头单位：县林业局", "配合单位：县财政局", "完成时限：2024年10月底前"]
    return MASTHEAD + notice("下达重点工作任务", 8, body)


def labels_among_brackets(n):
    """One item with ``n`` brackets in its text and ``n`` labels after it, in one paragraph."""
    item = "1.完成" + "".join(f"第{i}片区（{i}号）、" for i in range(1, n + 1)) + "的整治任务。牵头单位：县林业局。"
    item += "配合单位：县财政局。" * n
    return MASTHEAD + notice("下达重点工作任务", 8, [item])


def spaced_rate_table(n):
    """A compensation scheme's table of ``n`` rows laid out with spaces, amounts bare under a header with the unit."""
    rows = (f"{i}  第{i}类房屋  平方米  {1000 + i}  王  伟" for i in range(1, n + 1))
    return scheme(["序号  种类  单位  补偿标准（元）  备注", *rows])


def spaced_line(n):
    """One line of ``n`` cells laid out with spaces, padded names among them, in a run of two such lines."""
    line = "  ".join(f"第{i}项  王  伟" for i in range(1, n + 1))
    return MASTHEAD + notice("下达重点工作任务", 8, [line, line])


def _padded(text, width):
    """text padded with spaces to ``width`` display columns (a Chinese character takes two)."""
    shown = sum(1 if ord(char) < 128 else 2 for char in text)
    return text + " " * (width - shown)


def spaced_wrapped_table(n):
    """A task table of ``n`` rows laid out with spaces, each row's task wrapped onto a line of its own."""
    rows = []
    for i in range(1, n + 1):
        rows.append(_padded(str(i), 6) + _padded(f"完成第{i}项任务", 24) + _padded("县林业局", 16) + "2024年12月底前")
        rows.append(" " * 6 + "的收尾工作")
    header = _padded("序号", 6) + _padded("工作任务", 24) + _padded("责任单位", 16) + "完成时限"
    return MASTHEAD + notice("下达重点工作任务", 8, [header, *rows])


def parcel_table(n):
    """An approval listing ``n`` parcels in a TAB table."""
    rows = [f"2024-{i // 100 + 1}-{i % 100 + 1}\t城关镇东关村\t{1000 + i}\t商服用地\t40年\t{100 + i}" for i in range(n)]
    table = "\n".join(["宗地编号\t位置\t面积（平方米）\t用途\t出让年限\t起始价（万元）", *rows])
    return MASTHEAD + (
        "示例县人民政府 关于宗地国有建设用地使用权挂牌出让方案的批复\n\n示政函〔2024〕13 号\n\n"
        "县自然资源局：\n\n经研究，同意以挂牌方式出让下列宗地：\n"
        + table
        + "\n\n示例县人民政府\n\n2024 年 3 月 1 日\n\n（此件公开发布）\n"
    )


def contents_only(n):
    """A table of contents of ``n`` entries and no documents."""
    lines = [f"关于印发第{i}项工作方案的通知（示政办发〔2024〕{i}号）……{i}" for i in range(1, n + 1)]
    return MASTHEAD + "目  录\n\n" + "\n".join(lines) + "\n"


SHAPES = {
    "task_items": task_items,
    "task_paragraph": task_paragraph,
    "roster": roster,
    "parcels": parcels,
    "task_table": task_table,
    "rate_table": rate_table,
    "wrapped_rates": wrapped_rates,
    "brackets": brackets,
    "long_line": long_line,
    "labelled_items": labelled_items,
    "labels_among_brackets": labels_among_brackets,
    "spaced_rate_table": spaced_rate_table,
    "spaced_line": spaced_line,
    "spaced_wrapped_table": spaced_wrapped_table,
    "parcel_table": parcel_table,
    "contents_only": contents_only,
}


def plan(n):
    """A land-supply plan listing ``n`` categories in prose, and again in a table."""
    uses = ("商服用地", "工业用地", "住宅用地", "交通运输用地", "公共管理与公共服务用地")
    items = "、".join(f"{uses[i % 5]}{i + 1}.5公顷" for i in range(n))
    rows = ["用地类型\t面积（公顷）", *(f"{uses[i % 5]}\t{i + 1}.5" for i in range(n)), f"合计\t{n * 2}"]
    body = [f"2024年计划供应国有建设用地总量为{n * 2}公顷，其中{items}。", *rows]
    return MASTHEAD + notice("公布示例县2024年国有建设用地供应计划", 11, body)


def portfolios(n):
    """A leaders' division of work with ``n`` deputies."""
    body = ["因人事变动，经县人民政府研究，现将县人民政府领导工作分工通知如下："]
    for i in range(n):
        body += [f"{_name(i)}副县长：负责第{i}方面的工作。", f"分管县第{i}局、县第{i}中心。", f"联系县第{i}办公室。"]
    return MASTHEAD + notice("示例县人民政府领导工作分工", 9, body)


def phases(n):
    """A plan of ``n`` phases, each with its dates."""
    body = ["为推进工作，制定本方案。", "一、实施步骤"]
    body += [f"第{_numeral(i)}阶段（2024年{i % 12 + 1}月1日至2024年{i % 12 + 1}月20日）" for i in range(1, n + 1)]
    return MASTHEAD + notice("印发示例县攻坚行动方案", 15, body)


SHAPES |= {"plan": plan, "portfolios": portfolios, "phases": phases}
