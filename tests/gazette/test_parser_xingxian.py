"""The parser on the three real issues of 兴县人民政府公报 in ../shared/gazettes/ (skipped where they are absent;
test_parser_full_issue.py checks the same layouts on an invented issue that is part of the repository).

The expected documents were established by reading each file: every number line, heading and signature block.
Tuples are (number, normalised title, 文种, signed date, public).
"""

from datetime import date

import pytest

from gazette.parsing import as_json, parse_gazette
from tests.helpers import shown_warnings
from tests.shared import gazette_text

ISSUE_2021_2 = [
    ("兴政发〔2021〕10号", "关于印发东会乡庄上村红色美丽乡村建设实施方案的通知", "通知", "2021-07-07", True),
    ("兴政发〔2021〕11号", "关于做好2021年安全生产工作的通知", "通知", "2021-03-29", True),
    (
        "兴政发〔2021〕12号",
        "关于印发兴县2021年统筹整合财政涉农资金巩固拓展脱贫攻坚成果衔接乡村振兴的实施方案的通知",
        "通知",
        "2021-07-08",
        True,
    ),
    ("兴政发〔2021〕13号", "关于兴县城区棚户区改造二期工程项目征收拆迁安置方案调整的通知", "通知", "2021-07-20", True),
    (
        "兴政发〔2021〕14号",
        "关于印发兴县城区棚户区改造三期工程项目土地及房屋征收与补偿安置方案的通知",
        "通知",
        "2021-07-20",
        True,
    ),
    ("兴政发〔2021〕17号", "关于印发兴县创优金融环境推动经济高质量发展若干措施的通知", "通知", "2021-09-22", True),
    ("兴政发〔2021〕18号", "关于印发兴县国有土地上存量违法用地集中处置办法的通知", "通知", "2021-09-26", True),
    (None, "关于开展准“四上”企业监测工作的通知", "通知", "2021-06-06", False),
    ("兴政办发〔2021〕17号", "关于印发易地扶贫搬迁安置点不动产登记完善手续工作方案的通知", "通知", "2021-07-01", True),
    (
        "兴政办发〔2021〕18号",
        "关于印发兴县“1+10”对标一流加快推进“六最”营商环境建设总体方案的通知",
        "通知",
        "2021-07-02",
        True,
    ),
    ("兴政办发〔2021〕20号", "关于修订兴县食品安全委员会工作规则的通知", "通知", "2021-07-29", True),
    ("兴政办发〔2021〕21号", "关于印发兴县创建省级园林县城实施方案的通知", "通知", "2021-08-05", True),
    (
        "兴政办发〔2021〕22号",
        "关于印发兴县水环境质量巩固提升2021年行动计划和空气质量巩固提升2021年行动计划的通知",
        "通知",
        "2021-08-10",
        True,
    ),
    ("兴政办发〔2021〕23号", "关于印发兴县创建国家森林城市行动方案的通知", "通知", "2021-08-10", True),
    ("兴政办发〔2021〕24号", "关于印发兴县居民碘盐免费供应实施方案的通知", "通知", "2021-08-12", True),
    (
        "兴政办发〔2021〕25号",
        "关于印发兴县开展严厉打击违法违规占地行为百日专项行动实施方案的通知",
        "通知",
        "2021-08-13",
        True,
    ),
    (
        "兴政办发〔2021〕26号",
        "关于印发加快解决全县国有建设用地上房屋交易和不动产登记历史遗留问题的实施方案的通知",
        "通知",
        "2021-08-19",
        True,
    ),
    ("兴政办发〔2021〕28号", "关于印发兴县2021年冬季清洁取暖实施方案的通知", "通知", "2021-08-31", True),
    ("兴政办发〔2021〕29号", "关于印发兴县2021年食品安全重点工作安排的通知", "通知", "2021-09-01", True),
    ("兴政办发〔2021〕30号", "关于印发兴县扶贫项目资产管理实施方案的通知", "通知", "2021-09-03", True),
    ("兴政办发〔2021〕32号", "关于印发2021年政务公开工作要点的通知", "通知", "2021-09-14", True),
    ("兴政办发〔2021〕33号", "关于印发兴县2021-2022年供暖季燃气供应应急调运预案的通知", "通知", "2021-09-17", True),
    ("兴政办发〔2021〕34号", "关于印发兴县落实义务教育教师工资待遇工作实施方案的通知", "通知", "2021-09-06", True),
    ("兴政办发〔2021〕35号", "关于印发全县设立县乡村三级金融服务机构实施方案的通知", "通知", "2021-09-23", True),
    (
        "兴政办发〔2021〕36号",
        "关于印发《兴县银行业金融机构支持地方经济发展考核评价办法(试行)》的通知",
        "通知",
        "2021-09-23",
        True,
    ),
    (None, "关于进一步加强矿山环境保护与土地复垦工作的通知", "通知", "2021-09-27", True),
    ("兴政办发〔2021〕38号", "关于进一步加强新一轮退耕还林工程秋季补植补造工作的通知", "通知", "2021-09-29", False),
]

ISSUE_2022_2 = [
    ("兴政发〔2022〕8号", "关于印发全面落实保障农民工工资支付相关制度的通知", "通知", "2022-05-12", True),
    ("兴政发〔2022〕9号", "关于印发《兴县全民健身实施计划(2021—2025年)》通知", "通知", "2022-05-27", True),
    ("兴政发〔2022〕10号", "关于打造城乡绿色低碳建设运营商有关事项的通知", "通知", "2022-06-09", True),
    (
        "兴政发〔2022〕11号",
        "关于印发兴县绿色低碳县城暨蔚汾河及沿岸风貌提升项目实施方案的通知",
        "通知",
        "2022-06-09",
        True,
    ),
    (
        "兴政函〔2022〕28号",
        "关于上报吕梁市打击盗采矿产资源专项行动领导小组办公室关于（晋攻坚办）移〔2022〕资源开采33号问题线索督查核查的调查情况报告",
        "报告",
        "2022-04-01",
        True,
    ),
    (
        "兴政函〔2022〕29号",
        "关于省道254线兴县境内吕家沟至魏家滩段改建工程项目资金承诺及列入中期财政规划的函",
        "函",
        "2022-04-08",
        True,
    ),
    (
        "兴政函〔2022〕32号",
        "关于提请审议兴县美丽宜居乡村建设PPP项目政府跨年度财政支出责任纳入中期财政规划的报告",
        "报告",
        "2022-04-20",
        True,
    ),
    (
        "兴政函〔2022〕34号",
        "关于崂临高速公路兴县东服务区建设项目国有建设用地使用权划拨方案的请示的批复",
        "批复",
        "2022-04-22",
        True,
    ),
    ("兴政函〔2022〕35号", "关于申请培育乡村e镇工作的报告", "报告", "2022-05-06", True),
    ("兴政函〔2022〕36号", "关于培育乡村e镇工作申报的承诺函", "承诺函", "2022-05-06", True),
    ("兴政函〔2022〕39号", "关于2022年不动产解遗及清零行动补缴出让金方案的请示的批复", "批复", "2022-05-13", True),
    (
        "兴政函〔2022〕40号",
        "关于撤销兴县2018年度第三批城乡建设用地增减挂钩瓦塘镇项目、调整兴县2020年度第一批城乡建设用地增减挂钩恶虎滩乡等8个乡（镇）项目区（拆旧区）实施方案的请示",
        "请示",
        "2022-05-16",
        True,
    ),
    (
        "兴政函〔2022〕43号",
        "关于兴县殡仪馆及骨灰堂建设项目国有建设用地使用权划拨方案的请示的批复",
        "批复",
        "2022-05-24",
        True,
    ),
    (
        "兴政函〔2022〕44号",
        "关于将兴县经济技术开发区2022年第1批次建设用地项目纳入当地国土空间总体规划(2021-2035年)的承诺函",
        "承诺函",
        "2022-05-24",
        True,
    ),
    ("兴政函〔2022〕45号", "关于公布兴县第一批非物质文化遗产项目代表性传承人的通知", "通知", "2022-05-23", True),
    (
        "兴政函〔2022〕46号",
        "关于2022年不动产解遗及清零行动补缴出让金方案和土地合宗的请示的批复",
        "批复",
        "2022-05-26",
        True,
    ),
    ("兴政函〔2022〕47号", "关于巡察反馈问题整改落实情况的报告", "报告", "2022-05-26", True),
    ("兴政函〔2022〕49号", "关于2022年度安全生产监督检查计划的批复", "批复", "2022-05-27", True),
    ("兴政函〔2022〕50号", "关于兴县经济技术开发区控制性详细规划（2021-2035）的批复", "批复", "2022-06-06", True),
    (
        "兴政函〔2022〕51号",
        "关于将新建兴县至保德县地方铁路二期工程瓦塘至冯家川复线项目（兴县段）纳入当地国土空间总体规划（2021-2035年）的承诺函",
        "承诺函",
        "2022-06-07",
        True,
    ),
    (
        "兴政函〔2022〕52号",
        "关于兴县2018年度第四批次城乡建设用地增减挂钩孟家坪乡、罗峪口镇项目区（拆旧区）土地复垦项目竣工验收的请示",
        "请示",
        "2022-06-07",
        True,
    ),
    (
        "兴政函〔2022〕53号",
        "关于兴县2018年第四批次城乡建设用地增减挂钩孟家坪乡、罗峪口镇项目区（拆旧区）完成外业整改和全部竣工资料的承诺函",
        "承诺函",
        "2022-06-07",
        True,
    ),
    ("兴政函〔2022〕54号", "关于兴县城乡基础设施投资有限公司申请项目贷款意见", "意见", "2022-06-09", True),
    ("兴政函〔2022〕55号", "关于向兴县城乡基础设施建设投资有限公司增加资本金的通知", "通知", "2022-06-09", True),
    (
        "兴政函〔2022〕61号",
        "关于申请省道嵒大线魏家滩至蔡家崖段（薛家塔隧道）公路改建工程养护资金及维护费用的请示",
        "请示",
        "2022-06-15",
        True,
    ),
    ("兴政函〔2022〕62号", "关于2021-09号宗地国有建设用地使用权挂牌出让方案的请示的批复", "批复", "2022-06-17", True),
    ("兴政办发〔2022〕8号", "关于印发兴县培育乡村e镇工作实施方案的通知", "通知", "2022-05-06", True),
    ("兴政办发〔2022〕9号", "关于印发兴县培育乡村e镇发展规划的通知", "通知", "2022-05-06", True),
    (
        "兴政办发〔2022〕10号",
        "关于印发兴县2022年度清理“批而未用”土地专项行动实施方案的通知",
        "通知",
        "2022-05-12",
        True,
    ),
    ("兴政办发〔2022〕11号", "关于印发2022年兴县冬季清洁取暖工作方案的通知", "通知", "2022-05-12", True),
    ("兴政办发〔2022〕12号", "关于印发兴县依法关闭自备水井专项整治行动实施方案的通知", "通知", "2022-05-12", True),
    ("兴政办发〔2022〕13号", "关于印发兴县农村“厕所革命”实施方案的通知", "通知", "2022-05-17", True),
    ("兴政办发〔2022〕14号", "关于印发兴县煤炭消费减量替代2022年工作方案的通知", "通知", "2022-05-31", True),
    ("兴政办发〔2022〕15号", "关于印发兴县2022年度地质灾害防治方案的通知", "通知", "2022-06-17", True),
    ("兴政办函〔2022〕3号", "关于建立县乡机关干部跟班轮训制度的通知", "通知", "2022-04-06", True),
    ("兴政办函〔2022〕4号", "关于成立兴县“乡村振兴贷”风险补偿基金管理工作领导小组的通知", "通知", "2022-04-21", True),
    ("兴政办函〔2022〕5号", "关于成立兴县培育乡村e镇工作领导小组的通知", "通知", "2022-05-06", True),
    ("兴政办函〔2022〕6号", "关于更新行政执法主体的通知", "通知", "2022-05-11", True),
    ("兴政办函〔2022〕7号", "关于成立煤成气增储上产工作领导小组的通知", "通知", "2022-05-12", True),
    ("兴政办函〔2022〕8号", "关于认真做好住户调查大样本轮换工作的通知", "通知", "2022-05-12", True),
    ("兴政办函〔2022〕9号", "关于成立根治拖欠农民工工资工作领导小组的通知", "通知", "2022-05-12", True),
    ("兴政办函〔2022〕10号", "关于调整兴县小水网工程建设领导小组的通知", "通知", "2022-05-16", True),
    ("兴政办函〔2022〕11号", "关于印发兴县铁路沿线安全环境管理“双段长”制实施办法的通知", "通知", "2022-06-06", True),
    ("兴政办函〔2022〕14号", "关于调整兴县禁毒委员会成员单位及组成人员的通知", "通知", "2022-06-09", True),
    ("兴政办函〔2022〕16号", "关于成立兴县2022年高标准农田建设项目领导组的通知", "通知", "2022-06-09", True),
]

ISSUE_2023_4 = [
    ("兴政发〔2023〕19号", "关于印发兴县节约用水奖励办法的通知", "通知", "2023-09-28", True),
    (
        "兴政发〔2023〕20号",
        "关于印发山西离柳矿区兴县固贤煤矿项目土地及房屋征收补偿方案的通知",
        "通知",
        "2023-11-07",
        True,
    ),
    ("兴政发〔2023〕22号", "关于没收违法建筑物（构筑物）的通知", "通知", "2023-12-14", True),
    (
        "兴政函〔2023〕133号",
        "关于赋予兴县经济技术开发区管理委员会部分生态环境保护许可事项行政职权的通知",
        "通知",
        "2023-10-11",
        True,
    ),
    (
        "兴政函〔2023〕134号",
        "关于同意兴县天然气（煤层气）液化提氮制氢项目（一期）区域削减的报告",
        "报告",
        "2023-10-11",
        True,
    ),
    ("兴政函〔2023〕135号", "关于调整兴县友兰中学片区控制性详细规划A-04-01地块的批复", "批复", "2023-10-18", True),
    ("兴政函〔2023〕136号", "关于2023-05号宗地国有建设用地使用权挂牌出让方案的批复", "批复", "2023-10-18", True),
    ("兴政函〔2023〕137号", "关于撤销王挨处国有土地使用证请示的批复", "批复", "2023-10-19", True),
    (
        "兴政函〔2023〕142号",
        "关于落实中煤山西兴县2×1000MW煤电项目区域污染物削减量的承诺函",
        "承诺函",
        "2023-11-01",
        False,
    ),
    ("兴政函〔2023〕143号", "关于中煤山西兴县2×1000MW煤电项目预选址用地核查意见的函", "函", "2023-11-01", False),
    (
        "兴政函〔2023〕145号",
        "关于将兴县北山（石盘头片区）生态综合治理工程项目纳入当地国土空间总体规划（2021-2035年）的承诺函",
        "承诺函",
        "2023-11-02",
        True,
    ),
    ("兴政函〔2023〕146号", "关于提名免去干部的报告", "报告", "2023-11-03", True),
    ("兴政函〔2023〕147号", "关于配套兴县森林草原高火险区建设项目资金的承诺函", "承诺函", "2023-11-08", False),
    ("兴政函〔2023〕148号", "关于兴县森林草原防火“十四五”规划(2021年—2025年)的批复", "批复", "2023-11-08", False),
    ("兴政函〔2023〕150号", "关于2022-07号宗地国有建设用地使用权挂牌出让方案的批复", "批复", "2023-11-09", True),
    (
        "兴政函〔2023〕151号",
        "关于兴县公办示范性综合托育机构建设项目国有建设用地使用权划拨方案的批复",
        "批复",
        "2023-11-09",
        True,
    ),
    (
        "兴政函〔2023〕152号",
        "关于将省安华润兴县100MW复合光伏项目（升压站）纳入当地国土空间总体规划（2021-2035年）的承诺函",
        "承诺函",
        "2023-11-09",
        True,
    ),
    ("兴政函〔2023〕153号", "关于配套兴县森林防火道路建设项目资金的承诺函", "承诺函", "2023-11-17", False),
    (
        "兴政函〔2023〕154号",
        "关于山西泽丰达新能源有限公司落实兴县天然气（煤层气）液化提氮制氢项目（一期）区域污染物削减量承诺的函",
        "函",
        "2023-11-17",
        True,
    ),
    (
        "兴政函〔2023〕157号",
        "关于没收山西豫能兴鹤铁路联运有限公司在非法占用土地上新建的建筑物及附属设施的批复",
        "批复",
        "2023-11-20",
        True,
    ),
    ("兴政函〔2023〕162号", "关于兴县2023年第1批次建设用地项目借用耕地占补平衡指标的函", "函", "2023-11-23", True),
    (
        "兴政函〔2023〕163号",
        "关于撤销蔚汾镇八个村、撤销蔡家崖乡两个村调整成立十六个社区的批复",
        "批复",
        "2023-11-24",
        True,
    ),
    (
        "兴政函〔2023〕165号",
        "关于兴县农村公路大善至曹家坡公路项目落实耕地占补平衡指标的承诺函",
        "承诺函",
        "2023-11-29",
        True,
    ),
    (
        "兴政函〔2023〕166号",
        "关于保德县国土空间总体规划（2021-2035年）（征求意见稿）反馈意见的函",
        "函",
        "2023-11-29",
        True,
    ),
    (
        "兴政函〔2023〕169号",
        "关于对兴县交通基础设施建设投资开发有限公司建设的大善村至曹家坡村公路予以没收的批复",
        "批复",
        "2023-12-14",
        True,
    ),
    (
        "兴政函〔2023〕172号",
        "关于将兴县经济开发区2023年第1批次建设用地项目纳入当地国土空间总体规划（2021—2035年）的承诺函",
        "承诺函",
        "2023-12-19",
        True,
    ),
    (
        "兴政函〔2023〕173号",
        "关于将兴县经济开发区2023年第2批次建设用地项目纳入当地国土空间总体规划（2021-2035年）的承诺函",
        "承诺函",
        "2023-12-19",
        True,
    ),
    ("兴政办发〔2023〕32号", "关于县政府领导工作分工的通知", "通知", "2023-10-07", True),
    ("兴政办发〔2023〕33号", "关于印发兴县农作物秸秆资源化综合利用工作方案的通知", "通知", "2023-10-12", True),
    ("兴政办发〔2023〕34号", "关于印发兴县农业生产托管服务试点项目组织实施方案的通知", "通知", "2023-10-12", True),
    ("兴政办发〔2023〕35号", "关于印发兴县节约用水管理办法等八个办法的通知", "通知", "2023-10-12", True),
    ("兴政办发〔2023〕36号", "关于开展节水载体建设工作的通知", "通知", "2023-10-12", True),
    ("兴政办发〔2023〕37号", "关于公布2023年度兴县节水型载体的通知", "通知", "2023-10-17", True),
    ("兴政办发〔2023〕38号", "关于印发兴县2023年冬季清洁取暖“煤改气”实施方案的通知", "通知", "2023-10-17", True),
    ("兴政办发〔2023〕39号", "关于印发县级医疗机构综合能力提升三年行动方案的通知", "通知", "2023-10-26", False),
    (
        "兴政办发〔2023〕40号",
        "关于印发兴县助力社会独立型煤炭洗（选）企业纾困工作方案的通知",
        "通知",
        "2023-10-26",
        True,
    ),
    ("兴政办发〔2023〕41号", "关于印发兴县国家基本气象站气象探测环境保护专项规划的通知", "通知", "2023-11-06", True),
    # The printed title leaves out 的通知; a 关于印发… is a notice all the same, its instrument the 方案 (issue 15).
    ("兴政办发〔2023〕42号", "关于印发建立耕地保护月度监测调度报告工作机制的实施方案", "通知", "2023-11-09", True),
    ("兴政办发〔2023〕43号", "关于征收城区生活垃圾处理费的通知", "通知", "2023-11-16", True),
    ("兴政办发〔2023〕44号", "关于印发兴县矿产资源总体规划(2021—2025年)的通知", "通知", "2023-11-17", True),
    (
        "兴政办发〔2023〕46号",
        "关于印发兴县基本农田“非农化”“非粮化”巡视反馈问题整改方案的通知",
        "通知",
        "2023-11-29",
        True,
    ),
    (
        "兴政办发〔2023〕47号",
        "关于印发兴县境内国家级自然保护区范围内占用耕地违规违建问题专项治理的分类整改方案的通知",
        "通知",
        "2023-12-18",
        True,
    ),
    ("兴政办发〔2023〕49号", "关于印发县域水网工程优化调整实施方案的通知", "通知", "2023-12-21", True),
    ("兴政办函〔2023〕15号", "关于调整兴县退役军人安置工作领导小组的通知", "通知", "2023-10-09", True),
    (
        "兴政办函〔2023〕16号",
        "关于调整兴县治理非法超限超载车辆工作领导小组和办公室组成人员及其主要职责的通知",
        "通知",
        "2023-11-01",
        True,
    ),
    ("兴政办函〔2023〕17号", "关于调整兴县残疾人教育专家委员会组成人员的通知", "通知", "2023-11-21", True),
    ("兴政办函〔2023〕18号", "关于调整兴县被征地农民社会保障工作领导小组组成人员的通知", "通知", "2023-11-24", True),
    ("兴政办函〔2023〕21号", "关于调整根治拖欠农民工工资工作领导小组组成人员的通知", "通知", "2023-12-19", True),
]


EXPECTED = {
    "xingxian-2021-2.txt": ISSUE_2021_2,
    "xingxian-2022-2.txt": ISSUE_2022_2,
    "xingxian-2023-4.txt": ISSUE_2023_4,
}
_parsed = {}


def parsed(name):
    if name not in _parsed:
        _parsed[name] = parse_gazette(gazette_text(name))
    return _parsed[name]


def documents(name):
    return {document.number or document.title_normalised: document for document in parsed(name).documents}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_document_of_the_body_is_found_with_its_data(name):
    found = [
        (d.number, d.title_normalised, d.kind, d.signed.isoformat() if d.signed else None, d.public)
        for d in parsed(name).documents
    ]
    assert found == [(number, title, kind, signed, public) for number, title, kind, signed, public in EXPECTED[name]]


@pytest.mark.parametrize(
    ("name", "meta"),
    [
        ("xingxian-2021-2.txt", ("兴县人民政府公报", "兴县", 2021, 2, 2, None)),
        ("xingxian-2022-2.txt", ("兴县人民政府公报", "兴县", 2022, 2, 4, date(2022, 7, 1))),
        ("xingxian-2023-4.txt", ("兴县人民政府公报", "兴县", 2023, 4, 10, date(2023, 12, 28))),
    ],
)
def test_masthead(name, meta):
    issue = parsed(name).meta
    assert (issue.gazette, issue.county, issue.year, issue.number, issue.cumulative, issue.published) == meta


@pytest.mark.parametrize(
    ("name", "entries"), [("xingxian-2021-2.txt", 27), ("xingxian-2022-2.txt", 46), ("xingxian-2023-4.txt", 47)]
)
def test_table_of_contents_entries(name, entries):
    issue = parsed(name)
    assert issue.has_toc and len(issue.toc) == entries


def test_issuers_follow_the_series():
    for name in EXPECTED:
        for document in parsed(name).documents:
            office = document.series and "办" in document.series
            assert document.issuer == ("兴县人民政府办公室" if office else "兴县人民政府") or document.number is None


def test_documents_without_number_take_the_issuer_printed_in_their_heading():
    unnumbered = [d for d in parsed("xingxian-2021-2.txt").documents if d.number is None]
    assert [(d.issuer, d.toc_page) for d in unnumbered] == [("兴县人民政府", 43), ("兴县人民政府办公室", 249)]


def test_2022_2_reports_the_contents_entry_missing_from_the_body():
    issue = parsed("xingxian-2022-2.txt")
    assert [(entry.number, entry.title_normalised, entry.page) for entry in issue.missing_from_body] == [
        ("兴政办函〔2022〕17号", "关于成立蔡家会镇杂粮特色专业镇创建工作领导小组的通知", 122)
    ]
    assert issue.not_in_toc == []
    assert any("蔡家会镇杂粮" in warning and "正文中未找到" in warning for warning in shown_warnings(issue))


def test_2023_4_has_a_document_the_contents_do_not_list():
    issue = parsed("xingxian-2023-4.txt")
    assert [document.number for document in issue.not_in_toc] == ["兴政办发〔2023〕43号"]
    assert issue.missing_from_body == []


def test_documents_reprinted_inside_another_are_not_documents_of_the_issue():
    """兴政办发〔2023〕44号 prints its plan with annexes: a city bureau's reply, a ministry notice, a company letter
    and the county's own earlier request (兴政函〔2023〕60号, cited by the plan). None is a document of this issue."""
    issue = parsed("xingxian-2023-4.txt")
    numbers = {document.number for document in issue.documents}
    assert not numbers & {
        "兴政函〔2023〕60号",
        "吕自然资函〔2023〕634号",
        "晋泽源字〔2023〕14号",
        "自然资办发〔2020〕19号",
    }
    assert any("兴政函〔2023〕60号" in warning and "附印" in warning for warning in shown_warnings(issue))
    plan = documents("xingxian-2023-4.txt")["兴政办发〔2023〕44号"]
    assert "兴政函〔2023〕60号" in plan.cited_numbers and "吕自然资函〔2023〕634号" in plan.cited_numbers


def test_table_of_contents_pages_and_title_differences():
    assert [d.toc_page for d in parsed("xingxian-2023-4.txt").documents][:5] == [1, 4, 12, 13, 15]
    assert documents("xingxian-2022-2.txt")["兴政办函〔2022〕16号"].toc_page == 121
    warnings = shown_warnings(parsed("xingxian-2023-4.txt"))
    assert any(w.startswith("第82行：目录标题与正文不一致") for w in warnings)  # 关于关于… in the contents
    assert any(w.startswith("第70行：目录标题与正文不一致") for w in warnings)  # 提氢 / 提氮


@pytest.mark.parametrize(
    ("name", "number", "instrument"),
    [
        ("xingxian-2021-2.txt", "兴政发〔2021〕10号", "兴县东会乡庄上村红色美丽乡村建设实施方案"),
        ("xingxian-2021-2.txt", "兴政办发〔2021〕20号", "兴县食品安全委员会工作规则"),
        ("xingxian-2021-2.txt", "兴政办发〔2021〕36号", "兴县银行业金融机构支持地方经济发展考核评价办法(试行)"),
        ("xingxian-2022-2.txt", "兴政发〔2022〕9号", "兴县全民健身实施计划(2021—2025年)"),
        ("xingxian-2022-2.txt", "兴政办函〔2022〕11号", "兴县铁路沿线安全环境管理“双段长”制实施办法"),
        ("xingxian-2023-4.txt", "兴政发〔2023〕20号", "山西离柳矿区兴县固贤煤矿项目土地及房屋征收补偿方案"),
        ("xingxian-2023-4.txt", "兴政办发〔2023〕44号", "兴县矿产资源总体规划(2021-2025年)"),
        (
            "xingxian-2023-4.txt",
            "兴政办发〔2023〕47号",
            "兴县境内国家级自然保护区范围内占用耕地违规违建问题专项治理的分类整改方案",
        ),
    ],
)
def test_instruments_of_notices_that_issue_them(name, number, instrument):
    document = documents(name)[number]
    assert document.instrument.title_normalised == instrument
    assert document.instrument.blocks and document.instrument.span.start > document.span.start


def test_a_notice_with_its_content_inline_has_no_instrument():
    assert documents("xingxian-2022-2.txt")["兴政发〔2022〕8号"].instrument is None


def test_annexes_after_the_signature():
    eight = documents("xingxian-2023-4.txt")["兴政办发〔2023〕35号"]
    assert eight.instrument is None and len(eight.attachments) == 8
    assert eight.attachments[0].title == "兴县节约用水管理办法"
    roster = documents("xingxian-2021-2.txt")["兴政办发〔2021〕23号"].attachments
    assert [a.title for a in roster] == ["兴县创建国家森林城市指挥部人员名单"]


def test_addressee_and_its_absence():
    issue = documents("xingxian-2023-4.txt")
    assert issue["兴政函〔2023〕146号"].addressee == "人大常委会:"
    assert issue["兴政办发〔2023〕43号"].addressee == ""  # the notice goes straight into its text


def test_a_signature_merged_into_the_annex_list_is_still_read():
    document = documents("xingxian-2023-4.txt")["兴政办发〔2023〕36号"]
    assert (document.signed, document.public) == (date(2023, 10, 12), True)


def test_numbers_in_brackets_of_any_width_are_normalised():
    issue = documents("xingxian-2022-2.txt")
    assert issue["兴政函〔2022〕40号"].number_raw == "兴政函（2022）40 号"
    assert issue["兴政函〔2022〕44号"].number_raw == "兴政函(2022)44号"


def test_a_heading_cut_by_a_page_break_is_rejoined_and_tables_keep_their_rows():
    safety = documents("xingxian-2021-2.txt")["兴政发〔2021〕11号"]
    headings = [block.text for block in safety.blocks if block.kind == "heading"]
    assert headings[0] == "一、提高政治站位，深入贯彻落实习近平总书记关于安全生产工作的重要论述和指示批示精神"
    fees = documents("xingxian-2023-4.txt")["兴政办发〔2023〕43号"]
    table = next(block for block in fees.blocks if block.kind == "table")
    assert table.rows[0] == ["征收对象", "计量单位", "征收标准", "备注"] and len(table.rows) == 6


def test_roster_lines_stay_apart_and_wrapped_posts_are_rejoined():
    group = documents("xingxian-2022-2.txt")["兴政办函〔2022〕4号"]
    texts = [block.text for block in group.blocks]
    assert "组 长：贺建强 县委常委、政府副县长" in texts
    assert "康建华 县现代农业发展服务中心主任" in texts


def test_policy_consultation_boxes_and_the_back_cover_are_not_content():
    for document in parsed("xingxian-2022-2.txt").documents:
        for block in document.blocks + (document.instrument.blocks if document.instrument else []):
            assert "扫码咨询" not in block.text and "传达政令" not in block.text


def test_report_shape():
    report = as_json(parsed("xingxian-2022-2.txt"), "xingxian-2022-2.txt")
    assert report["issue"] == {
        "gazette": "兴县人民政府公报",
        "county": "兴县",
        "year": 2022,
        "number": 2,
        "cumulative": 4,
        "published": "2022-07-01",
    }
    assert report["toc_entries"] == 46 and len(report["documents"]) == 45
    assert report["documents"][0] == {
        "number": "兴政发〔2022〕8号",
        "issuer": "兴县人民政府",
        "title": "关于印发全面落实保障农民工工资支付相关制度的通知",
        "kind": "通知",
        "signed": "2022-05-12",
        "public": True,
        "toc_page": 1,
        "instrument_title": None,
        "start_line": 168,
    }
    assert report["missing_from_body"] == [
        {"number": "兴政办函〔2022〕17号", "title": "关于成立蔡家会镇杂粮特色专业镇创建工作领导小组的通知"}
    ]
