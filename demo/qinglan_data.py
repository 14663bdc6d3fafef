"""Demo data for the second, invented county, 青岚县: its units, people, rosters and live tasks.

Nothing here is real: the county, its townships and every person are made up, so that every page of the demo is
seen with two counties. Four names are also 兴县 names (刘伟, 张超, 张欣, 李茂): two counties' people who share a name
stay two people. The rosters are the ones printed in the invented gazette demo/gazettes/qinglan-2024-1.txt (imported
for 青岚县, 2024年第1期), typed again here as the county's staff would enter them.
"""

GAZETTE_FILE = "qinglan-2024-1.txt"
GAZETTE_ISSUE = {"county": "青岚县", "year": 2024, "number": 1}

COUNTY = {"name": "青岚县人民政府", "short_name": "青岚县", "aliases": ["县政府", "县人民政府", "青岚县政府"]}

# Units; "contact" is the unit's reminder contact (name and mailbox under the demo mail domain). 县林业局 and 松坪乡
# have none, so that their tasks show the reminder blockers.
ORGANISATIONS = [
    {
        "name": "城关镇",
        "short_name": "城关镇",
        "kind": "township",
        "aliases": ["城关镇人民政府"],
        "contact": ("白雪梅", "ql-chengguan"),
    },
    {
        "name": "河口镇",
        "short_name": "河口镇",
        "kind": "township",
        "aliases": ["河口镇人民政府"],
        "contact": ("乔晓丽", "ql-hekou"),
    },
    {
        "name": "石门镇",
        "short_name": "石门镇",
        "kind": "township",
        "aliases": ["石门镇人民政府"],
        "contact": ("霍建新", "ql-shimen"),
    },
    {
        "name": "白杨乡",
        "short_name": "白杨乡",
        "kind": "township",
        "aliases": ["白杨乡人民政府"],
        "contact": ("康小平", "ql-baiyang"),
    },
    {"name": "松坪乡", "short_name": "松坪乡", "kind": "township", "aliases": ["松坪乡人民政府"], "contact": None},
    {
        "name": "桃溪乡",
        "short_name": "桃溪乡",
        "kind": "township",
        "aliases": ["桃溪乡人民政府"],
        "contact": ("温海军", "ql-taoxi"),
    },
    {
        "name": "青岚县人民政府办公室",
        "short_name": "县政府办",
        "kind": "department",
        "aliases": ["县政府办公室"],
        "contact": ("侯佳", "ql-zhengfuban"),
    },
    {
        "name": "青岚县发展和改革局",
        "short_name": "县发改局",
        "kind": "department",
        "aliases": ["县发改委"],
        "contact": ("贺鹏", "ql-fagai"),
    },
    {
        "name": "青岚县财政局",
        "short_name": "县财政局",
        "kind": "department",
        "aliases": [],
        "contact": ("吕静", "ql-caizheng"),
    },
    {
        "name": "青岚县教育局",
        "short_name": "县教育局",
        "kind": "department",
        "aliases": ["县教育科技局"],
        "contact": ("田甜", "ql-jiaoyu"),
    },
    {
        "name": "青岚县公安局",
        "short_name": "县公安局",
        "kind": "department",
        "aliases": [],
        "contact": ("郭振", "ql-gongan"),
    },
    {
        "name": "青岚县审计局",
        "short_name": "县审计局",
        "kind": "department",
        "aliases": [],
        "contact": ("袁芳", "ql-shenji"),
    },
    {
        "name": "青岚县住房和城乡建设局",
        "short_name": "县住建局",
        "kind": "department",
        "aliases": ["县城乡建设局", "县住建委"],
        "contact": ("段丽娜", "ql-zhujian"),
    },
    {
        "name": "青岚县自然资源局",
        "short_name": "县自然资源局",
        "kind": "department",
        "aliases": ["县国土局"],
        "contact": ("雷刚", "ql-ziranziyuan"),
    },
    {
        "name": "青岚县农业农村局",
        "short_name": "县农业农村局",
        "kind": "department",
        "aliases": ["县农业局"],
        "contact": ("申玉兰", "ql-nongye"),
    },
    {
        "name": "青岚县水利局",
        "short_name": "县水利局",
        "kind": "department",
        "aliases": [],
        "contact": ("兰志勇", "ql-shuili"),
    },
    {"name": "青岚县林业局", "short_name": "县林业局", "kind": "department", "aliases": [], "contact": None},
    {
        "name": "青岚县交通运输局",
        "short_name": "县交通局",
        "kind": "department",
        "aliases": [],
        "contact": ("严晓峰", "ql-jiaotong"),
    },
    {
        "name": "青岚县卫生健康局",
        "short_name": "县卫健局",
        "kind": "department",
        "aliases": [],
        "contact": ("范文静", "ql-weijian"),
    },
    {
        "name": "青岚县人力资源和社会保障局",
        "short_name": "县人社局",
        "kind": "department",
        "aliases": [],
        "contact": ("鲁娜", "ql-renshe"),
    },
    {
        "name": "青岚县应急管理局",
        "short_name": "县应急局",
        "kind": "department",
        "aliases": [],
        "contact": ("钱勇", "ql-yingji"),
    },
    {
        "name": "青岚县市场监督管理局",
        "short_name": "县市场监管局",
        "kind": "department",
        "aliases": ["县市场监督管理局"],
        "contact": ("邹颖", "ql-shichang"),
    },
]

# People with their posts, by the unit's short name (a "mailbox" under the demo mail domain where they get reminders
# themselves). Names shared with 兴县: 刘伟, 张超, 张欣, 李茂.
PEOPLE = [
    {"name": "周振华", "unit": "青岚县", "title": "县委副书记、县长"},
    {"name": "韩学成", "unit": "青岚县", "title": "县委常委、常务副县长"},
    {"name": "张超", "unit": "青岚县", "title": "副县长"},
    {"name": "孟庆丰", "unit": "青岚县", "title": "副县长"},
    {"name": "刘伟", "unit": "县政府办", "title": "县人民政府办公室主任"},
    {"name": "杜文斌", "unit": "县发改局", "title": "县发展和改革局局长"},
    {"name": "张欣", "unit": "县财政局", "title": "县财政局局长"},
    {"name": "李茂", "unit": "县住建局", "title": "县住房和城乡建设局局长"},
    {"name": "冯国栋", "unit": "县自然资源局", "title": "县自然资源局局长"},
    {"name": "秦海燕", "unit": "县农业农村局", "title": "县农业农村局局长"},
    {"name": "郝志强", "unit": "县水利局", "title": "县水利局局长"},
    {"name": "任建军", "unit": "县交通局", "title": "县交通运输局局长"},
    {"name": "贾晓东", "unit": "县应急局", "title": "县应急管理局局长"},
    {"name": "卢振宇", "unit": "县人社局", "title": "县人力资源和社会保障局局长", "mailbox": "ql-luzhenyu"},
    {"name": "邵丽萍", "unit": "县卫健局", "title": "县卫生健康局局长"},
    {"name": "田宏伟", "unit": "县林业局", "title": "县林业局局长"},
    {"name": "常海鹏", "unit": "城关镇", "title": "城关镇镇长"},
    {"name": "武立新", "unit": "河口镇", "title": "河口镇镇长"},
    {"name": "尚永强", "unit": "松坪乡", "title": "松坪乡乡长"},
]

# Rosters as printed in the gazette. A member with a name is a person (from PEOPLE); one without is a position
# (青政办函〔2024〕3号 lists its members by post only); "placeholder" marks a collective line.
ROSTERS = [
    {
        "name": "青岚县乡村振兴工作领导小组",
        "kind": "领导小组",
        "document": "青政发〔2024〕5号",
        "established": "2024-01-19",
        "office_host": "县农业农村局",
        "office_head": "秦海燕",
        "member_change_rule": "领导小组成员如有变动，由接任者自然递补，不再另行发文。",
        "members": [
            {"role": "组长", "name": "周振华", "title": "县委副书记、县长", "unit": "青岚县"},
            {"role": "副组长", "name": "张超", "title": "县人民政府副县长", "unit": "青岚县"},
            {"role": "成员", "name": "刘伟", "title": "县人民政府办公室主任", "unit": "县政府办"},
            {"role": "成员", "name": "杜文斌", "title": "县发展和改革局局长", "unit": "县发改局"},
            {"role": "成员", "name": "张欣", "title": "县财政局局长", "unit": "县财政局"},
            {"role": "成员", "name": "秦海燕", "title": "县农业农村局局长", "unit": "县农业农村局"},
            {"role": "成员", "name": "郝志强", "title": "县水利局局长", "unit": "县水利局"},
            {"role": "成员", "name": "卢振宇", "title": "县人力资源和社会保障局局长", "unit": "县人社局"},
            {"role": "成员", "type": "placeholder", "title": "各乡（镇）乡（镇）长"},
        ],
    },
    {
        "name": "青岚县安全生产委员会",
        "kind": "委员会",
        "document": "青政办函〔2024〕3号",
        "established": "2024-02-05",
        "office_host": "县应急局",
        "office_head_text": "县应急局局长",
        "member_change_rule": "委员会成员因职务变动需要调整的，由其所在单位接任者自然递补，不再另行发文。",
        "members": [
            {"role": "主任", "type": "position", "title": "县长", "unit": "青岚县"},
            {"role": "副主任", "type": "position", "title": "常务副县长", "unit": "青岚县"},
            {"role": "副主任", "type": "position", "title": "分管应急管理工作的副县长", "unit": "青岚县"},
            {"role": "成员", "type": "position", "title": "县人民政府办公室主任", "unit": "县政府办"},
            {"role": "成员", "type": "position", "title": "县发改局局长", "unit": "县发改局"},
            {"role": "成员", "type": "position", "title": "县财政局局长", "unit": "县财政局"},
            {"role": "成员", "type": "position", "title": "县公安局局长", "unit": "县公安局"},
            {"role": "成员", "type": "position", "title": "县住建局局长", "unit": "县住建局"},
            {"role": "成员", "type": "position", "title": "县交通局局长", "unit": "县交通局"},
            {"role": "成员", "type": "position", "title": "县应急局局长", "unit": "县应急局"},
            {"role": "成员", "type": "position", "title": "县市场监管局局长", "unit": "县市场监管局"},
            {"role": "成员", "type": "placeholder", "title": "各乡（镇）乡（镇）长"},
        ],
    },
    {
        "name": "青岚县防汛抗旱指挥部",
        "kind": "指挥部",
        "document": "青政办函〔2024〕5号",
        "established": None,
        "office_host": "县水利局",
        "office_head": "郝志强",
        "member_change_rule": "",
        "members": [
            {"role": "指挥长", "name": "张超", "title": "县人民政府副县长", "unit": "青岚县"},
            {"role": "副指挥长", "name": "郝志强", "title": "县水利局局长", "unit": "县水利局"},
            {"role": "副指挥长", "name": "贾晓东", "title": "县应急管理局局长", "unit": "县应急局"},
            {"role": "成员", "name": "李茂", "title": "县住房和城乡建设局局长", "unit": "县住建局"},
            {"role": "成员", "name": "任建军", "title": "县交通运输局局长", "unit": "县交通局"},
            {"role": "成员", "name": "冯国栋", "title": "县自然资源局局长", "unit": "县自然资源局"},
            {"role": "成员", "name": "常海鹏", "title": "城关镇镇长", "unit": "城关镇"},
            {"role": "成员", "name": "武立新", "title": "河口镇镇长", "unit": "河口镇"},
        ],
    },
]

# Invented tasks with deadlines relative to the day the demo is loaded (in working days; negative: overdue). A unit
# is the lead; "supporting" units help; "contact" names a person (from PEOPLE) for the lead's part, else the unit's
# reminder contact gets the reminders (none for 县林业局 and 松坪乡: the blockers).
LIVE_TASKS = [
    {"title": "报送西街片区老旧小区改造月度进展", "unit": "县住建局", "offset": -6},
    {"title": "完成城区燃气管道隐患排查整治", "unit": "县应急局", "supporting": ["县住建局"], "offset": 1},
    {"title": "上报冬季农民工工资支付专项检查情况", "unit": "县人社局", "contact": "卢振宇", "offset": 0},
    {"title": "完成桃溪河入河排污口排查", "unit": "县水利局", "supporting": ["石门镇", "桃溪乡"], "offset": -12},
    {"title": "完成冬春季森林防火隐患排查", "unit": "县林业局", "offset": 3},
    {"title": "报送乡村振兴衔接资金项目绩效自评", "unit": "松坪乡", "offset": -2},
    {"title": "完成中小学校舍安全隐患排查", "unit": "县教育局", "offset": 5},
    {"title": "编制下一年度县级重点项目储备清单", "unit": "县发改局", "supporting": ["县财政局"], "offset": 25},
]
