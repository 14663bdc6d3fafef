# ruff: noqa: E501  (clauses are quoted whole, as printed)
"""The three real compensation schemes of 兴县's shared gazettes, as data.

Every rate and condition is entered with its source: the document number, the section and the sentence as
printed (short quotations, as the rule's source). Where a source is ambiguous or contradicts itself, the rule's
note says which reading was chosen and why. Plain Python, no Django: the demo loader writes these through
``compensation.services`` and the worked examples feed them straight to the calculator.

Amounts are strings so that they become exact ``Decimal``s.
"""

import datetime

from . import calculator as c

# Land types a household's collective land is entered by (亩 each).
LAND_TYPES = ("grain", "contracted", "farmland", "forest", "unused", "other", "remaining_farmland")
COLLECTIVE_LAND = ("grain", "contracted", "farmland", "forest", "unused", "other")

SANQI = "兴政发〔2021〕14号"
ERQI_ADJUSTMENT = "兴政发〔2021〕13号"
ERQI_ORIGINAL = "兴政发〔2017〕34号"
GUXIAN = "兴政发〔2023〕20号"


def rule(code, kind, label, heading, amount=None, *, section, text, **options):
    """One rule as data; ``options`` are the other fields of ``calculator.Rule`` plus ``document``."""
    data = {"code": code, "kind": kind, "label": label, "heading": heading, "section": section, "text": text}
    if amount is not None:
        data["amount"] = amount
    data.update(options)
    return data


# 兴县城区棚户区改造三期工程项目 (兴政发〔2021〕14号)

_S3_CASH = "被征收人选择一次性货币补偿的，依据评估机构出具的主房评估价上浮20%给予被征收人一次性货币补偿。"
_S3_RATIO = "被征收人土地手续合法主房一层按1:1.3安置(含对主房占地面积的补偿)，主房二层及二层以上按1:1.1安置。"
_S3_UNBUILT = (
    "被补偿拆迁人持有合法有效宅基地批准手续未动工修建的，有住宅安置意愿的，以证载主房面积……为准仅限一层"
    "可按同类型住宅建筑成本价1200元/平米交回指挥部办公室后，按1:1.3置换安置房。"
)
_S3_UPPER = (
    "被补偿拆迁人持有合法有效宅基地批准手续后已有一层未加盖二层的，有住宅安置意愿的，除一层按1:1.3置换面积外，"
    "可以一层有效合法主房面积为准，二层按2300元/平米交回指挥部办公室后，再按一层相同有效面积1:1.1置换安置房。"
)
_S3_NO_CERTIFICATE = (
    "无宅基地有效证明手续的建筑，如本户只有一处宅基地……向村委补交回宅基地手续费后参照有宅基地有效证明手续的"
    "补偿方式执行，具体补偿面积由村委会认定上报指挥部办公室研究后决定补偿或安置。"
)
_S3_BASEMENT = "净高达2.2米(含2.2米)以上的地下室，等面积置换新建地下室。"
_S3_CASH_ONLY = "以下情形只允许给予货币补偿,补偿标准以评估结果为准。"
_S3_LOW_BASEMENT = "净高不达2.2米的半地下室,地下室及其他附属物；"
_S3_BALCONY = "阳台按全面积纳入主体面积安置，但未封闭阳台在结算时要扣除封闭材料费。"
_S3_UNAUTHORISED = (
    "未经有关部门批准擅自加层或少批多占的部分建筑(除历史建筑和有关部门共同认定的既有建筑)以建筑成本价全部实行"
    "货币化补偿，补偿后的价格可按安置房市场价折算安置房面积。"
)
_S3_LARGER = "被征收房屋应安置面积小于所选新建安置面积的，被征收人按成本价2600元/m²补差。"
_S3_SMALLER = "被征收房屋应安置面积大于所选新建安置面积的，征收人按被征收房屋的市场价暂定为2900元/m²找差。"
_S3_LAND = "主房安置以外的宅基地、口粮地、承包地等其他集体土地，按照每亩16万元征收补偿，集体土地上的其他附着物按照评估价予以补偿。"
_S3_RELOCATION_RULE = (
    "实行一次性货币补偿和持有合法有效宅基地批准手续后未动工修建（包括二层未建的）且有安置意愿的，支付一次搬迁补助费；"
    "实行期房产权调换的，支付两次搬迁补助费，搬迁费待拆除完支付。"
)
_S3_TRANSITION = (
    "被征收房屋实行一次性货币补偿的，一次性支付12个月的临时过渡安置补助费；实行期房产权调换的，被征收人自行过渡，"
    "由征收人按约定支付的临时过渡安置补助费。"
)
_S3_TRANSITION_RATE = "支付临时过渡安置补助费（主房建筑面积）的标准为：每平方米每月支付临时过渡安置补助费20元"
_S3_DAYS = (
    "自指挥部下达搬迁通知书起，15日内签订征收补偿协议并搬迁交房的，给予300元/m²的奖励；25日内……给予200元/m²的奖励；"
    "30日内……给予100元/m²的奖励；超过签约期限规定的不予奖励"
)
_S3_GROUP = (
    "在规定的签约期限内，被征收人联户5户以上自愿申请之日起10日内，签订征收补偿协议并搬迁交房的，除以上奖励外，"
    "另行奖励主房面积300元/m²；联户10户以上自愿申请，奖励主房面积500元/m²。"
)
_S3_WAGES = "工资补偿应根据在劳动和社会保障部门备案的劳动用工合同在册（在岗）人员，按本企业上一年度人均月工资标准给予一次性经济补偿；"
_S3_MONTHS = "造成全部停业的，补偿期限不超过12个月；造成部分停业的，补偿期限不超过6个月。"
_S3_CONVERTED = (
    "拥有合法有效住宅房屋批准手续……但在此项目征收通告发布前已依法取得营业执照，且在规定的征收签约期限内签订协议完成"
    "搬迁交房的，补偿标准按非住宅房屋的补偿安置规定执行。"
)
_S3_SHOP_EXCHANGE = "按照面积相当、楼层一致、用途一致的原则进行1:1产权置换。"
_S3_SHOP_DIFFERENCE = "营业性场所用房的实际面积与应调换面积不一致的，按市场价找补差价。"

_EXCHANGES = [c.EXCHANGE, c.MIXED]
_BUILT_TITLES = [c.LEGAL, c.NO_CERTIFICATE]
_IN_TIME = {"within_signing_period": True}

SANQI_RULES = [
    rule(
        "cash-main",
        c.APPRAISED,
        "主房货币补偿（评估价上浮20%）",
        c.HOUSE,
        "20",
        basis="appraised_house",
        unit="%",
        conditions={"options": [c.CASH, c.MIXED]},
        section="三、（一）",
        text=_S3_CASH,
        note="混合方式中按未置换的主房面积占比计算货币部分。",
    ),
    rule(
        "exchange-ground",
        c.EXCHANGE_RATIO,
        "主房一层产权调换 1:1.3",
        c.RESETTLEMENT,
        "1.3",
        basis=c.STOREY_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "storey_from": 1, "storey_to": 1, "title_statuses": _BUILT_TITLES},
        section="三、（二）1.",
        text=_S3_RATIO,
        note="无宅基地证明的建筑按三、（二）4.补交手续费后“参照有宅基地有效证明手续的补偿方式执行”，故同样适用。",
    ),
    rule(
        "exchange-upper",
        c.EXCHANGE_RATIO,
        "主房二层及以上产权调换 1:1.1",
        c.RESETTLEMENT,
        "1.1",
        basis=c.STOREY_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "storey_from": 2, "title_statuses": _BUILT_TITLES},
        section="三、（二）1.",
        text=_S3_RATIO,
    ),
    rule(
        "unbuilt-exchange",
        c.EXCHANGE_RATIO,
        "已批未建宅基地按证载主房面积置换 1:1.3",
        c.RESETTLEMENT,
        "1.3",
        basis=c.CERTIFIED_AREA,
        unit="倍",
        conditions={"options": [c.EXCHANGE], "title_statuses": [c.APPROVED_UNBUILT]},
        section="三、（二）2.",
        text=_S3_UNBUILT,
    ),
    rule(
        "unbuilt-payment",
        c.RATE_PER_M2,
        "已批未建宅基地交回建筑成本价",
        c.PAYMENTS,
        "1200",
        basis=c.CERTIFIED_AREA,
        unit="元/m²",
        debit=True,
        conditions={"options": [c.EXCHANGE], "title_statuses": [c.APPROVED_UNBUILT]},
        section="三、（二）2.",
        text=_S3_UNBUILT,
    ),
    rule(
        "upper-purchase-exchange",
        c.EXCHANGE_RATIO,
        "一层未加盖二层：二层按一层面积置换 1:1.1",
        c.RESETTLEMENT,
        "1.1",
        basis=c.GROUND_AREA,
        unit="倍",
        conditions={
            "options": [c.EXCHANGE],
            "title_statuses": [c.LEGAL],
            "house_storeys_max": 1,
            "flags": {"buy_upper_floor": True},
        },
        section="三、（二）3.",
        text=_S3_UPPER,
        note="“可以”：由被征收人选择，故以事实“购买二层置换”为条件。",
    ),
    rule(
        "upper-purchase-payment",
        c.RATE_PER_M2,
        "一层未加盖二层：二层交回",
        c.PAYMENTS,
        "2300",
        basis=c.GROUND_AREA,
        unit="元/m²",
        debit=True,
        conditions={
            "options": [c.EXCHANGE],
            "title_statuses": [c.LEGAL],
            "house_storeys_max": 1,
            "flags": {"buy_upper_floor": True},
        },
        section="三、（二）3.",
        text=_S3_UPPER,
    ),
    rule(
        "no-certificate-fee",
        c.ONE_OFF,
        "补交宅基地手续费（村委会核定）",
        c.PAYMENTS,
        basis=c.HOUSEHOLD_BASIS,
        unit="元/户",
        debit=True,
        conditions={"title_statuses": [c.NO_CERTIFICATE]},
        section="三、（二）4.",
        text=_S3_NO_CERTIFICATE,
        note="方案未写手续费数额：按村委会核定的数额录入（标准待评估）。",
    ),
    rule(
        "basement-exchange",
        c.EXCHANGE_RATIO,
        "地下室（净高≥2.2米）等面积置换",
        c.RESETTLEMENT,
        "1",
        basis=c.BASEMENT_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "basement_height_min": "2.2"},
        section="三、（二）5.",
        text=_S3_BASEMENT,
    ),
    rule(
        "basement-cash",
        c.APPRAISED,
        "地下室（净高≥2.2米）货币补偿（评估价）",
        c.HOUSE,
        "0",
        basis="appraised_basement",
        unit="%",
        conditions={"options": [c.CASH], "basement_height_min": "2.2"},
        section="三、（一）",
        text=_S3_CASH,
        note="方案未单列货币补偿时的地下室：按其评估价补偿，不上浮（上浮20%只针对主房评估价）。",
    ),
    rule(
        "basement-low",
        c.APPRAISED,
        "净高不足2.2米的地下室（只给货币补偿）",
        c.ATTACHMENTS,
        "0",
        basis="appraised_basement",
        unit="%",
        conditions={"basement_height_below": "2.2"},
        section="一、（六）1.",
        text=_S3_CASH_ONLY + _S3_LOW_BASEMENT,
    ),
    rule(
        "balcony-enclosing",
        c.RATE_PER_M2,
        "未封闭阳台扣除封闭材料费",
        c.PAYMENTS,
        basis=c.BALCONY_AREA,
        unit="元/m²",
        debit=True,
        conditions={"options": _EXCHANGES, "flags": {"balcony_enclosed": False}},
        section="三、（二）6.",
        text=_S3_BALCONY,
        note="材料费标准方案未写：按评估的每平方米封闭费录入。阳台面积已含在各层面积中（“按全面积纳入主体面积”）。",
    ),
    rule(
        "unauthorised",
        c.RATE_PER_M2,
        "擅自加层、少批多占部分按建筑成本价货币补偿",
        c.HOUSE,
        "1200",
        basis=c.UNAUTHORISED_AREA,
        unit="元/m²",
        section="三、（二）7.",
        text=_S3_UNAUTHORISED,
        note="“建筑成本价”未写数额：取同一方案三、（二）2.所写的同类型住宅建筑成本价1200元/平米。按市场价折算安置面积为可选，不计。",
    ),
    rule(
        "attachments",
        c.APPRAISED,
        "主房以外附属建筑（构）筑物（评估价）",
        c.ATTACHMENTS,
        "0",
        basis="appraised_attachments",
        unit="%",
        section="一、（六）2.",
        text=_S3_CASH_ONLY + "宅基地上主房以外的附属建筑(构)筑物；",
    ),
    rule(
        "decoration",
        c.APPRAISED,
        "室内装修装饰（评估价）",
        c.ATTACHMENTS,
        "0",
        basis="appraised_decoration",
        unit="%",
        section="一、（六）3.",
        text=_S3_CASH_ONLY + "被征收房屋室内装修装饰部分；",
    ),
    rule(
        "flat-larger",
        c.PRICE_DIFFERENCE,
        "所选安置房大于应安置面积，按成本价补差",
        c.RESETTLEMENT,
        "2600",
        basis=c.FLAT_LARGER,
        unit="元/m²",
        debit=True,
        conditions={"options": _EXCHANGES},
        section="三、（二）9.",
        text=_S3_LARGER,
    ),
    rule(
        "flat-smaller",
        c.PRICE_DIFFERENCE,
        "所选安置房小于应安置面积，按市场价找差",
        c.RESETTLEMENT,
        "2900",
        basis=c.FLAT_SMALLER,
        unit="元/m²",
        conditions={"options": _EXCHANGES},
        section="三、（二）9.",
        text=_S3_SMALLER,
        note="混合方式同样先以所选安置房结算应安置面积。",
    ),
    rule(
        "nonres-cash",
        c.APPRAISED,
        "非住宅货币补偿（营业性场所用房评估价）",
        c.HOUSE,
        "0",
        basis="appraised_non_residential",
        unit="%",
        conditions={"options": [c.CASH], "uses": [c.NON_RESIDENTIAL]},
        section="四、（一）",
        text="被征收人选择一次性货币补偿的，依据评估机构出具的营业性场所用房评估价给予被征收人一次性货币补偿。",
    ),
    rule(
        "nonres-exchange",
        c.EXCHANGE_RATIO,
        "非住宅产权置换 1:1",
        c.RESETTLEMENT,
        "1",
        basis=c.NON_RESIDENTIAL_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL]},
        section="四、（二）",
        text=_S3_SHOP_EXCHANGE,
    ),
    rule(
        "converted-cash",
        c.APPRAISED,
        "住改非按非住宅货币补偿",
        c.HOUSE,
        "0",
        basis="appraised_non_residential",
        unit="%",
        conditions={
            "options": [c.CASH],
            "uses": [c.CONVERTED],
            "flags": {"licence_before_notice": True, "within_signing_period": True},
        },
        section="五",
        text=_S3_CONVERTED,
        note="不符合条件的住改非部分按住宅补偿：计算器将其计入一层住宅面积，评估价计入主房评估价。",
    ),
    rule(
        "converted-exchange",
        c.EXCHANGE_RATIO,
        "住改非按非住宅产权置换 1:1",
        c.RESETTLEMENT,
        "1",
        basis=c.NON_RESIDENTIAL_AREA,
        unit="倍",
        conditions={
            "options": _EXCHANGES,
            "uses": [c.CONVERTED],
            "flags": {"licence_before_notice": True, "within_signing_period": True},
        },
        section="五",
        text=_S3_CONVERTED,
    ),
    rule(
        "shop-larger",
        c.PRICE_DIFFERENCE,
        "营业用房大于应调换面积，按市场价补差",
        c.RESETTLEMENT,
        basis=c.SHOP_LARGER,
        unit="元/m²",
        debit=True,
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="四、（二）",
        text=_S3_SHOP_DIFFERENCE,
        note="市场价未写数额：按评估的市场价录入。",
    ),
    rule(
        "shop-smaller",
        c.PRICE_DIFFERENCE,
        "营业用房小于应调换面积，按市场价找差",
        c.RESETTLEMENT,
        basis=c.SHOP_SMALLER,
        unit="元/m²",
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="四、（二）",
        text=_S3_SHOP_DIFFERENCE,
        note="市场价未写数额：按评估的市场价录入。",
    ),
    rule(
        "collective-land",
        c.RATE_PER_MU,
        "集体土地（口粮地、承包地等）",
        c.LAND,
        "160000",
        basis=c.LAND_MU,
        unit="元/亩",
        conditions={"land_ownership": c.COLLECTIVE, "land_types": list(COLLECTIVE_LAND)},
        section="六、（一）",
        text=_S3_LAND,
    ),
    rule(
        "homestead-remaining",
        c.RATE_PER_MU,
        "主房占地以外的宅基地",
        c.LAND,
        "160000",
        basis=c.HOMESTEAD_REMAINING,
        unit="元/亩",
        conditions={"land_ownership": c.COLLECTIVE},
        section="六、（一）",
        text=_S3_LAND,
        note="主房占地已含在1:1.3的置换中（三、（二）1.）；货币补偿时亦不另计占地。1平方米＝0.0015亩。",
    ),
    rule(
        "business-wages",
        c.BUSINESS_LOSS,
        "停产停业损失：工资补偿",
        c.BUSINESS,
        basis=c.WAGES,
        unit="元/月",
        conditions={"uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="七、（二）",
        text=_S3_WAGES,
        note="月数按协商确定的停业月数，未填时按上限（全部停业12个月、部分停业6个月）。",
    ),
    rule(
        "business-tax",
        c.BUSINESS_LOSS,
        "停产停业损失：经营补偿（上一年度月均纳税）",
        c.BUSINESS,
        basis=c.TAX,
        unit="元/月",
        conditions={"uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="七、（二）",
        text="经营补偿根据上一年度平均纳税情况给予一次性补偿。",
        note="“平均纳税”读作上一年度纳税额的月平均（÷12），乘以停业月数。",
    ),
    rule(
        "business-cap-full",
        c.CAP,
        "全部停业补偿期限上限",
        c.BUSINESS,
        "12",
        basis=c.MONTHS,
        unit="个月",
        targets=["business-wages", "business-tax"],
        conditions={"stoppage": c.FULL},
        section="七、（二）",
        text=_S3_MONTHS,
    ),
    rule(
        "business-cap-partial",
        c.CAP,
        "部分停业补偿期限上限",
        c.BUSINESS,
        "6",
        basis=c.MONTHS,
        unit="个月",
        targets=["business-wages", "business-tax"],
        conditions={"stoppage": c.PARTIAL},
        section="七、（二）",
        text=_S3_MONTHS,
    ),
    rule(
        "relocation-once",
        c.RATE_PER_M2,
        "住宅搬迁补助（一次）",
        c.RELOCATION,
        "30",
        basis=c.MAIN_AREA,
        unit="元/m²",
        conditions={"options": [c.CASH]},
        section="八、（一）（三）",
        text="征收住宅房屋，一次性支付搬迁补助费的标准为：每平方米支付搬迁补助费30元。" + _S3_RELOCATION_RULE,
    ),
    rule(
        "relocation-twice",
        c.RATE_PER_M2,
        "住宅搬迁补助（期房产权调换，两次）",
        c.RELOCATION,
        "30",
        basis=c.MAIN_AREA,
        unit="元/m²",
        times=2,
        conditions={"options": _EXCHANGES, "flags": {"buy_upper_floor": False}},
        section="八、（一）（三）",
        text=_S3_RELOCATION_RULE,
        note="混合方式含期房产权调换，按两次支付。",
    ),
    rule(
        "relocation-upper-purchase",
        c.RATE_PER_M2,
        "住宅搬迁补助（二层未建、有安置意愿，一次）",
        c.RELOCATION,
        "30",
        basis=c.MAIN_AREA,
        unit="元/m²",
        conditions={"options": [c.EXCHANGE], "flags": {"buy_upper_floor": True}},
        section="八、（三）",
        text=_S3_RELOCATION_RULE,
    ),
    rule(
        "relocation-unbuilt",
        c.RATE_PER_M2,
        "住宅搬迁补助（已批未建、有安置意愿，一次）",
        c.RELOCATION,
        "30",
        basis=c.CERTIFIED_AREA,
        unit="元/m²",
        conditions={"options": [c.EXCHANGE], "title_statuses": [c.APPROVED_UNBUILT]},
        section="八、（三）",
        text=_S3_RELOCATION_RULE,
        note="未建房屋没有建筑面积：按证载主房面积计。",
    ),
    rule(
        "relocation-nonres-once",
        c.RATE_PER_M2,
        "非住宅搬迁补助（一次）",
        c.RELOCATION,
        "50",
        basis=c.NON_RESIDENTIAL_AREA,
        unit="元/m²",
        conditions={"options": [c.CASH], "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="八、（二）（三）",
        text="征收非住宅房屋，一次性支付搬迁补助费的标准为：每平方米支付搬迁补助费50元。",
    ),
    rule(
        "relocation-nonres-twice",
        c.RATE_PER_M2,
        "非住宅搬迁补助（期房产权调换，两次）",
        c.RELOCATION,
        "50",
        basis=c.NON_RESIDENTIAL_AREA,
        unit="元/m²",
        times=2,
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="八、（二）（三）",
        text=_S3_RELOCATION_RULE,
    ),
    rule(
        "transition-cash",
        c.MONTHLY_PER_M2,
        "临时过渡安置补助（货币补偿，一次性12个月）",
        c.TRANSITION,
        "20",
        basis=c.MAIN_AREA,
        unit="元/m²/月",
        months="12",
        conditions={"options": [c.CASH]},
        section="九、（一）（二）",
        text=_S3_TRANSITION + _S3_TRANSITION_RATE,
    ),
    rule(
        "transition-exchange",
        c.MONTHLY_PER_M2,
        "临时过渡安置补助（期房产权调换，按约定月数）",
        c.TRANSITION,
        "20",
        basis=c.MAIN_AREA,
        unit="元/m²/月",
        conditions={"options": _EXCHANGES},
        section="九、（一）（二）",
        text=_S3_TRANSITION + _S3_TRANSITION_RATE,
        note="产权调换的月数“按约定”，方案未写：按协议约定的过渡月数计；九、（二）的每月20元标准适用于两种方式。",
    ),
    rule(
        "transition-shop",
        c.MONTHLY_PER_M2,
        "临街营业性商铺过渡期间租赁费补偿",
        c.TRANSITION,
        basis=c.NON_RESIDENTIAL_AREA,
        unit="元/m²/月",
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED], "flags": {"street_shop": True}},
        section="九、（三）",
        text="征收正在合法经营的临街营业性商铺，按同地段、同类型商铺租赁费，在过渡期间给予补偿。",
        note="租赁费标准未写：按同地段同类型商铺的月租金（元/m²）录入；只在有过渡期的产权调换中计。",
    ),
    rule(
        "bonus-15",
        c.RATE_PER_M2,
        "15日内签约搬迁奖励",
        c.BONUS,
        "300",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="signing-day",
        conditions={"signing_day_max": 15, "flags": _IN_TIME},
        section="十、（一）",
        text=_S3_DAYS,
        note="“15日内”含第15日；期间自通知书下达的次日起算（开始的当日不计入）。三档只取其一。",
    ),
    rule(
        "bonus-25",
        c.RATE_PER_M2,
        "25日内签约搬迁奖励",
        c.BONUS,
        "200",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="signing-day",
        conditions={"signing_day_max": 25, "flags": _IN_TIME},
        section="十、（一）",
        text=_S3_DAYS,
    ),
    rule(
        "bonus-30",
        c.RATE_PER_M2,
        "30日内签约搬迁奖励",
        c.BONUS,
        "100",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="signing-day",
        conditions={"signing_day_max": 30, "flags": _IN_TIME},
        section="十、（一）",
        text=_S3_DAYS,
    ),
    rule(
        "group-10",
        c.RATE_PER_M2,
        "联户10户以上10日内签约奖励",
        c.BONUS,
        "500",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="group",
        conditions={"group_min": 10, "group_within_days": 10, "flags": _IN_TIME},
        section="十、（三）",
        text=_S3_GROUP,
        note="“以上”含本数。10户以上一档读作取代而非叠加5户一档（500而非800），且同样须自申请之日起10日内签约。",
    ),
    rule(
        "group-5",
        c.RATE_PER_M2,
        "联户5户以上10日内签约奖励",
        c.BONUS,
        "300",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="group",
        conditions={"group_min": 5, "group_within_days": 10, "flags": _IN_TIME},
        section="十、（三）",
        text=_S3_GROUP,
    ),
    rule(
        "village-bonus",
        c.RATE_PER_M2,
        "按日程完成拆迁任务的村委奖励（付村委）",
        c.BONUS,
        "50",
        basis=c.MAIN_AREA,
        unit="元/m²",
        payee=c.VILLAGE,
        section="十、（四）",
        text="按指挥部拆迁工作日程安排完成拆迁任务的村委，每平方米给予50元的奖励；工作日程安排内不能完成的，按比例扣除奖金。",
        note="付给村委，不计入被征收户合计。",
    ),
]


# 兴县城区棚户区改造二期工程项目: 兴政发〔2021〕13号 adjusting 兴政发〔2017〕34号

_S2_SHOP = (
    "被征收人选择产权置换的, 由征收人提供用于房屋产权置换的非住宅房屋, 按面积相当、楼层一致、用途一致的原则进行1:1产权置换。"
    "置换后被征收人每户可享受5000元/平方米(15平方米以内)购买新建安置房或找补差价的优惠政策。"
)
_S2_LARGER = "被征收房屋应安置面积小于所选新建安置面积的, 20平方米以内被征收人按成本价2600元/平方米补差, 超过20平方米按市场价格补差。"
_S2_CONVERTED = (
    "“住改非”房屋货币补偿或产权置换只认定一层住房建筑。被拆迁户在规定期限内签约并完成搬迁交房的, "
    "补偿标准按非住宅房屋补偿和安置标准执行。"
)
_S2_TITLE = (
    "被征收人房屋为不完全产权的，被征收人选择补齐产权，且在规定时间内搬迁，剩余产权部分以房改时该地段房屋建筑建设成本"
    "(经核查暂定1990年230元/m²、1994年320/m²)补齐全部产权，再予以补偿。"
)
_S2_TITLES = [c.LEGAL, c.INCOMPLETE, c.NO_CERTIFICATE]
_S2_CONVERTED_TERMS = {"options": [c.CASH], "uses": [c.CONVERTED], "flags": _IN_TIME}

ERQI_OWN_RULES = [
    rule(
        "cash-main",
        c.APPRAISED,
        "住宅货币补偿（安置面积的房屋评估价）",
        c.HOUSE,
        "0",
        basis="appraised_house",
        unit="%",
        conditions={"options": [c.CASH, c.MIXED]},
        section="一、（一）",
        text="被征收人选择一次性货币补偿的，房屋征收部门根据房地产价格评估机构出具的安置面积的房屋评估价……给予一次性货币补偿。",
        note="本方案的评估对象是“安置面积的房屋评估价”（同区位新建普通商品房市场价），不是旧房评估价，且不上浮：“主房评估价”一栏填该评估价。",
    ),
    rule(
        "exchange-ground",
        c.EXCHANGE_RATIO,
        "主房一层产权调换 1:1.3",
        c.RESETTLEMENT,
        "1.3",
        basis=c.STOREY_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "storey_from": 1, "storey_to": 1, "title_statuses": _S2_TITLES},
        section="一、（二）",
        text="被征收人原主房建筑为一层(未加层)的，按1:1.3置换后再另行奖励15平方米安置房面积。",
        note="本文只写一层房屋的比例；多层房屋的一层同样按1:1.3、二层以上按三期方案1:1.1（见“二层以上”一条）。",
    ),
    rule(
        "single-storey-extra",
        c.EXTRA_AREA,
        "一层（未加层）房屋另行奖励安置面积",
        c.RESETTLEMENT,
        "15",
        basis=c.HOUSEHOLD_BASIS,
        unit="m²",
        conditions={"options": _EXCHANGES, "house_storeys_max": 1, "title_statuses": _S2_TITLES},
        section="一、（二）",
        text="被征收人原主房建筑为一层(未加层)的，按1:1.3置换后再另行奖励15平方米安置房面积。",
    ),
    rule(
        "title-topup-1990",
        c.RATE_PER_M2,
        "不完全产权补齐（1990年房改，230元/m²）",
        c.PAYMENTS,
        "230",
        basis=c.UNOWNED_AREA,
        unit="元/m²",
        debit=True,
        conditions={"title_statuses": [c.INCOMPLETE], "reform_year": 1990, "flags": _IN_TIME},
        section="一、（三）（第一个）",
        text=_S2_TITLE,
        note="“剩余产权部分”读作主房面积×(1−已有产权份额)。原文有两个“（三）”，此为第一个。",
    ),
    rule(
        "title-topup-1994",
        c.RATE_PER_M2,
        "不完全产权补齐（1994年房改，320元/m²）",
        c.PAYMENTS,
        "320",
        basis=c.UNOWNED_AREA,
        unit="元/m²",
        debit=True,
        conditions={"title_statuses": [c.INCOMPLETE], "reform_year": 1994, "flags": _IN_TIME},
        section="一、（三）（第一个）",
        text=_S2_TITLE,
        note="原文“320/m²”漏写“元”，按320元/m²。",
    ),
    rule(
        "balcony-enclosing",
        c.RATE_PER_M2,
        "未封闭阳台扣除封闭成本",
        c.PAYMENTS,
        basis=c.BALCONY_AREA,
        unit="元/m²",
        debit=True,
        conditions={"flags": {"balcony_enclosed": False}},
        section="一、（三）（第二个）",
        text="阳台按照实际面积计入房屋建筑面积，未封闭阳台需扣除封闭该阳台成本。",
        note="封闭成本未写数额：按评估的每平方米成本录入。本文未限于产权调换，故两种方式都扣。",
    ),
    rule(
        "basement-exchange",
        c.EXCHANGE_RATIO,
        "地下室等面积置换",
        c.RESETTLEMENT,
        "1",
        basis=c.BASEMENT_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES},
        section="一、（四）",
        text="地下室等面积置换地下室或按评估价货币补偿。",
        note="本文未设净高条件（三期方案设2.2米），按本文：任何地下室均可等面积置换。",
    ),
    rule(
        "basement-cash",
        c.APPRAISED,
        "地下室货币补偿（评估价）",
        c.HOUSE,
        "0",
        basis="appraised_basement",
        unit="%",
        conditions={"options": [c.CASH]},
        section="一、（四）",
        text="地下室等面积置换地下室或按评估价货币补偿。",
    ),
    rule(
        "state-land",
        c.ONE_OFF,
        "国有土地不予补偿",
        c.LAND,
        "0",
        basis=c.HOUSEHOLD_BASIS,
        unit="元",
        conditions={"land_ownership": c.STATE},
        section="一、（五）",
        text="国有土地一律不予补偿。",
    ),
    rule(
        "flat-larger-cost",
        c.PRICE_DIFFERENCE,
        "所选安置房大于应安置面积：20m²以内按成本价补差",
        c.RESETTLEMENT,
        "2600",
        basis=c.FLAT_LARGER,
        unit="元/m²",
        band_to="20",
        debit=True,
        conditions={"options": _EXCHANGES},
        section="二、（一）",
        text=_S2_LARGER,
    ),
    rule(
        "flat-larger-market",
        c.PRICE_DIFFERENCE,
        "所选安置房大于应安置面积：超过20m²部分按市场价补差",
        c.RESETTLEMENT,
        "4500",
        basis=c.FLAT_LARGER,
        unit="元/m²",
        band_from="20",
        debit=True,
        conditions={"options": _EXCHANGES},
        section="二、（一）",
        text=_S2_LARGER,
        note="“市场价格”未写数额：取紧接的二、（二）写明的市场价4500元/平方米。",
    ),
    rule(
        "flat-smaller",
        c.PRICE_DIFFERENCE,
        "所选安置房小于应安置面积，按市场价找差",
        c.RESETTLEMENT,
        "4500",
        basis=c.FLAT_SMALLER,
        unit="元/m²",
        conditions={"options": _EXCHANGES},
        section="二、（二）",
        text="被征收房屋应安置面积大于所选新建安置面积的, 给被征收人按市场价4500元/平方米找差。",
    ),
    rule(
        "nonres-cash",
        c.APPRAISED,
        "非住宅货币补偿（主体房屋评估价）",
        c.HOUSE,
        "0",
        basis="appraised_non_residential",
        unit="%",
        conditions={"options": [c.CASH], "uses": [c.NON_RESIDENTIAL]},
        section="三、（一）",
        text="被征收人选择一次性货币补偿的, 房屋征收部门根据房地产价格评估机构出具的主体房屋评估价……给予一次性货币补偿。",
    ),
    rule(
        "nonres-exchange",
        c.EXCHANGE_RATIO,
        "非住宅产权置换 1:1",
        c.RESETTLEMENT,
        "1",
        basis=c.NON_RESIDENTIAL_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL]},
        section="三、（二）",
        text=_S2_SHOP,
    ),
    rule(
        "shop-larger-15",
        c.PRICE_DIFFERENCE,
        "营业用房多选15m²以内按5000元/m²购买",
        c.RESETTLEMENT,
        "5000",
        basis=c.SHOP_LARGER,
        unit="元/m²",
        band_to="15",
        debit=True,
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="三、（二）",
        text=_S2_SHOP,
    ),
    rule(
        "shop-larger-market",
        c.PRICE_DIFFERENCE,
        "营业用房多选超过15m²部分按市场价补差",
        c.RESETTLEMENT,
        basis=c.SHOP_LARGER,
        unit="元/m²",
        band_from="15",
        debit=True,
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="三、（二）",
        text=_S2_SHOP,
        note="15平方米以外本文未写：按三期方案四、（二）“按市场价找补差价”，市场价按评估录入。",
    ),
    rule(
        "shop-smaller-15",
        c.PRICE_DIFFERENCE,
        "营业用房少选15m²以内按5000元/m²找差",
        c.RESETTLEMENT,
        "5000",
        basis=c.SHOP_SMALLER,
        unit="元/m²",
        band_to="15",
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="三、（二）",
        text=_S2_SHOP,
        note="“购买新建安置房或找补差价”读作两个方向：多选按5000元购买，少选按5000元找差，均以15平方米为限。",
    ),
    rule(
        "shop-smaller-market",
        c.PRICE_DIFFERENCE,
        "营业用房少选超过15m²部分按市场价找差",
        c.RESETTLEMENT,
        basis=c.SHOP_SMALLER,
        unit="元/m²",
        band_from="15",
        conditions={"options": _EXCHANGES, "uses": [c.NON_RESIDENTIAL, c.CONVERTED]},
        section="三、（二）",
        text=_S2_SHOP,
        note="市场价按评估录入。",
    ),
    rule(
        "converted-cash",
        c.APPRAISED,
        "住改非按非住宅货币补偿（只认定一层）",
        c.HOUSE,
        "0",
        basis="appraised_non_residential",
        unit="%",
        conditions=_S2_CONVERTED_TERMS,
        section="四、（一）（二）",
        text=_S2_CONVERTED,
        note="“只认定一层住房建筑”：住改非面积只录一层的营业面积。本文只要求按期签约交房，未要求通告前取得营业执照。",
    ),
    rule(
        "converted-exchange",
        c.EXCHANGE_RATIO,
        "住改非按非住宅产权置换 1:1（只认定一层）",
        c.RESETTLEMENT,
        "1",
        basis=c.NON_RESIDENTIAL_AREA,
        unit="倍",
        conditions={"options": _EXCHANGES, "uses": [c.CONVERTED], "flags": _IN_TIME},
        section="四、（一）（二）",
        text=_S2_CONVERTED,
    ),
    rule(
        "group-compound",
        c.RATE_PER_M2,
        "整院联户或整排集体签约奖励",
        c.BONUS,
        "500",
        basis=c.MAIN_AREA,
        unit="元/m²",
        conditions={"flags": {"group_whole_compound": True, "within_signing_period": True}},
        section="五",
        text="被征收人整院联户或整排在规定的签约期限内, 集体签订征收补偿协议并搬迁交房的, 另行奖励主房面积500元/平方米。",
        note="本文的征收奖励只此一条，取代三期方案按户数分档的联户奖励（不另计5户/10户奖励）。",
    ),
]

# Matters 13号 leaves open follow the 三期 scheme, which says the 二期 project "可参照本方案执行" (14号 十三、（二）).
ERQI_BY_REFERENCE = (
    "exchange-upper",
    "no-certificate-fee",
    "unauthorised",
    "attachments",
    "decoration",
    "collective-land",
    "homestead-remaining",
    "business-wages",
    "business-tax",
    "business-cap-full",
    "business-cap-partial",
    "relocation-once",
    "relocation-twice",
    "relocation-nonres-once",
    "relocation-nonres-twice",
    "transition-cash",
    "transition-exchange",
    "transition-shop",
    "bonus-15",
    "bonus-25",
    "bonus-30",
)
_REFERENCE_NOTE = (
    "兴政发〔2021〕13号未作调整：按三期方案（兴政发〔2021〕14号 十三、（二）“二期棚户区改造……可参照本方案执行”）。"
)


def _by_reference(data):
    data = {**data, "document": SANQI, "note": " ".join(filter(None, [_REFERENCE_NOTE, data.get("note", "")]))}
    if data["code"] == "exchange-upper":
        data["conditions"] = {**data["conditions"], "title_statuses": _S2_TITLES}
    if data["code"] == "relocation-twice":
        data["conditions"] = {"options": _EXCHANGES}
    return data


ERQI_RULES = ERQI_OWN_RULES + [_by_reference(data) for data in SANQI_RULES if data["code"] in ERQI_BY_REFERENCE]


# 山西离柳矿区兴县固贤煤矿项目 (兴政发〔2023〕20号)

_G_LAND = (
    "按照《山西省人民政府关于重新公布全省征地区片综合地价的通知》(晋政发〔2023〕12号)规定的标准执行，即30672元/亩。"
)
_G_BUILDING = "房屋主体建筑及主体外附属房屋补偿参照兴县棚户区改造标准，并按类别、结构区分补偿标准："
_G_DAYS = (
    "在《兴县人民政府关于山西离柳矿区兴县固贤煤矿项目土地及房屋征收补偿方案》正式发布之日起20日内签订补偿协议并搬迁腾空的，"
    "按拆迁主体建筑面积300-500元/m²给予奖励。"
)
_G_GROUP = (
    "在规定的签约期限内, 被搬迁户联户5户以上申请拆除, 且签订征收补偿协议并搬迁交房的, 除以上奖励部分外, "
    "按主体建筑面积再另行奖励300元/m²; 联户10户以上, 再另行奖励500元/m²。"
)
_G_HOMESTEAD_FREE = (
    "无宅基地使用证或无合法手续的,须村委做出相关权属证明后,主体建筑及主体建筑外附属房屋占地不再予补偿外,剩余宅基地按房(窑)"
    "面前8m计补。8m之内的,按实有面积给付宅基地补偿款,补偿标准为200元/m²。超过8m的,超出部分按照占用耕地标准补偿。"
)
_G_FRUIT = "果树(包括苹果、梨、枣、核桃等经济林)"
_G_TIMBER = "用材树(包括榆树、杨树、柳树、松柏树等)"
_G_TABLE = "第十九条（一）表"


def _building(code, kind, structure, rate, note=""):
    return rule(
        f"building-{code}",
        c.RATE_PER_M2,
        f"主体建筑 {kind}·{structure}",
        c.HOUSE,
        rate,
        basis=c.STOREY_AREA,
        unit="元/m²",
        conditions={"structures": [f"{kind}·{structure}"]},
        section=_G_TABLE,
        text=f"{_G_BUILDING}{kind}　{structure}　{rate}元/m²",
        note=note,
    )


def _item(code, label, heading, rate, unit, *, section, text, kind=c.RATE_PER_ITEM, amount_max=None, note=""):
    options = {"amount_max": amount_max} if amount_max else {}
    return rule(
        code,
        kind,
        label,
        heading,
        rate,
        basis=c.ITEM,
        unit=unit,
        section=section,
        text=text,
        note=note,
        **options,
    )


_RANGE_NOTE = "方案给的是区间：按评估或认定的标准录入，未录入时按下限计。"
_BUILDING_NOTE_TWICE = (
    "表中“房屋”类列了两次砖木结构：“砖木结构(含混合结构)1400元/m²”与“砖木结构1600元/m²”。读作两类："
    "含混合结构的砖木房1400，纯砖木房1600，由评估机构按结构认定。"
)

GUXIAN_STRUCTURES = (
    ("楼房", "砖混结构", "2200", "storey-brick-concrete"),
    ("楼房", "预制板", "1800", "storey-precast"),
    ("楼房", "现浇板", "2200", "storey-cast"),
    ("楼房", "全框架结构", "2600", "storey-full-frame"),
    ("楼房", "半框架结构", "2400", "storey-half-frame"),
    ("房屋", "砖混基础圈梁、现浇顶", "2400", "house-ring-beam"),
    ("房屋", "现浇顶", "2200", "house-cast-roof"),
    ("房屋", "预制板", "1600", "house-precast"),
    ("房屋", "砖木结构(含混合结构)", "1400", "house-brick-wood-mixed"),
    ("房屋", "砖木结构", "1600", "house-brick-wood"),
    ("房屋", "石木结构", "1600", "house-stone-wood"),
    ("窑洞", "砖石窑洞", "2000", "cave-brick-stone"),
    ("窑洞", "砖石接口窑洞", "1400", "cave-brick-front"),
    ("窑洞", "一般土窑洞", "1000", "cave-earth"),
)

GUXIAN_RULES = [
    rule(
        "land",
        c.RATE_PER_MU,
        "土地征收补偿（区片综合地价）",
        c.LAND,
        "30672",
        basis=c.LAND_MU,
        unit="元/亩",
        conditions={"land_types": ["grain", "contracted", "farmland", "forest", "other"]},
        section="第十八条（一）",
        text=_G_LAND,
    ),
    rule(
        "land-unused",
        c.RATE_PER_MU,
        "未利用地（标准的0.8倍）",
        c.LAND,
        "24537.6",
        basis=c.LAND_MU,
        unit="元/亩",
        conditions={"land_types": ["unused"]},
        section="第十八条（一）",
        text="征收未利用地按照上述标准的0.8倍执行。",
        note="30672×0.8＝24537.6元/亩。",
    ),
    rule(
        "forest-trees",
        c.RATE_PER_MU,
        "退耕还林或规划造林地林木补偿",
        c.LAND,
        "6600",
        basis=c.LAND_MU,
        unit="元/亩",
        conditions={"land_types": ["forest"]},
        section="第十八条（二）5.",
        text="退耕还林或政府规划造林地，除占地补偿按照30672元/亩补偿外，再增加林木补偿费6600元/亩。",
    ),
    rule(
        "remaining-farmland",
        c.RATE_PER_MU,
        "整村搬迁后剩余耕地一次性种植经营补贴（拨付村委）",
        c.LAND,
        "1500",
        basis=c.LAND_MU,
        unit="元/亩",
        payee=c.VILLAGE,
        conditions={"land_types": ["remaining_farmland"]},
        section="第十八条（三）1.",
        text="……国家退耕还林补贴1500元/亩的标准，按照本次土地现状调查结果确定应补耕地面积……将剩余土地一次性种植经营补贴款拨付村委账户",
        note="拨付村委账户、由村委再定办法补贴到户：列出但不计入被征收户合计。",
    ),
    _item(
        "fruit-peak",
        "果树 盛果期（胸径20cm以上）",
        c.ATTACHMENTS,
        "800",
        "元/棵",
        section="第十八条（二）1.①",
        text=_G_FRUIT + "①盛果期(胸径20cm以上): 800元/棵给予补偿(其中核桃树1000元/株);",
        note="公报排版把此句拆到药材、坟墓两表之后；按原句连读。",
    ),
    _item(
        "walnut-peak",
        "核桃树 盛果期（胸径20cm以上）",
        c.ATTACHMENTS,
        "1000",
        "元/株",
        section="第十八条（二）1.①",
        text=_G_FRUIT + "①盛果期(胸径20cm以上): 800元/棵给予补偿(其中核桃树1000元/株);",
        note="“其中核桃树1000元/株”在盛果期一项的括号内，读作只适用于盛果期核桃树。",
    ),
    _item(
        "fruit-mid",
        "果树 中果期（胸径12–20cm）",
        c.ATTACHMENTS,
        "500",
        "元/棵",
        section="第十八条（二）1.②",
        text="②中果期(胸径12--20cm): 500元/棵给予补偿;",
    ),
    _item(
        "fruit-early",
        "果树 初果期（胸径6–12cm）",
        c.ATTACHMENTS,
        "200",
        "元/棵",
        section="第十八条（二）1.③",
        text="③初果期(胸径6--12cm): 200元/棵给予补偿;",
    ),
    _item(
        "fruit-seedling",
        "果树 幼苗",
        c.ATTACHMENTS,
        "30",
        "元/株",
        section="第十八条（二）1.④",
        text="④幼苗: 30元/株。",
    ),
    _item(
        "timber-large",
        "用材树 大树（胸径20cm以上）",
        c.ATTACHMENTS,
        "150",
        "元/株",
        amount_max="200",
        section="第十八条（二）2.①",
        text=_G_TIMBER + "①大树(胸径20cm以上): 150--200元/株;",
        note=_RANGE_NOTE,
    ),
    _item(
        "timber-medium",
        "用材树 中树（胸径14–20cm）",
        c.ATTACHMENTS,
        "100",
        "元/棵",
        section="第十八条（二）2.②",
        text="②中树(胸径14--20cm): 100元/棵;",
    ),
    _item(
        "timber-small",
        "用材树 小树（胸径6–14cm）",
        c.ATTACHMENTS,
        "50",
        "元/棵",
        section="第十八条（二）2.③",
        text="③小树(胸径6--14cm): 50元/棵;",
    ),
    _item(
        "timber-seedling",
        "用材树 幼苗（胸径6cm以下）",
        c.ATTACHMENTS,
        "5",
        "元/棵",
        section="第十八条（二）2.④",
        text="④幼苗(胸径6cm以下): 5元/棵。",
        note="同条注：榆杨柳松柏每亩5000株以下按定植标准、以上按苗圃标准补偿；苗圃标准方案未写，未录入。",
    ),
    _item(
        "herb-1y",
        "药材 一年生",
        c.ATTACHMENTS,
        "2000",
        "元/亩",
        section="第十八条（二）3.",
        text="药材　一年生　2000元/亩",
    ),
    _item(
        "herb-2y",
        "药材 二年生",
        c.ATTACHMENTS,
        "3000",
        "元/亩",
        section="第十八条（二）3.",
        text="药材　二年生　3000元/亩",
    ),
    _item(
        "herb-perennial",
        "药材 多年生",
        c.ATTACHMENTS,
        "5000",
        "元/亩",
        section="第十八条（二）3.",
        text="药材　多年生　5000元/亩",
    ),
    _item(
        "rhubarb",
        "零星植物药材 大黄",
        c.ATTACHMENTS,
        "15",
        "元/穴",
        section="第十八条（二）3.",
        text="零星植物药材　大黄　15元/穴",
    ),
    _item(
        "codonopsis",
        "零星植物药材 党参",
        c.ATTACHMENTS,
        "5",
        "元/穴",
        section="第十八条（二）3.",
        text="零星植物药材　党参　5元/穴",
    ),
    _item(
        "grave-earth",
        "土坟",
        c.ATTACHMENTS,
        "1000",
        "元/座",
        amount_max="2000",
        section="第十八条（二）4.①",
        text="①土坟: 1000-2000元/座",
        note=_RANGE_NOTE,
    ),
    _item(
        "grave-brick",
        "砖石坟",
        c.ATTACHMENTS,
        "3000",
        "元/座",
        amount_max="5000",
        section="第十八条（二）4.②",
        text="②砖石坟: 3000-5000元/座",
        note=_RANGE_NOTE,
    ),
    _item(
        "grave-stele",
        "坟墓带石碑另加",
        c.ATTACHMENTS,
        "2000",
        "元/宗",
        section="第十八条（二）4.注",
        text="注: 带石碑另加2000元/宗, 既带石碑又带华表等设置的另加4000元/宗。",
    ),
    _item(
        "grave-stele-pillar",
        "坟墓既带石碑又带华表另加",
        c.ATTACHMENTS,
        "4000",
        "元/宗",
        section="第十八条（二）4.注",
        text="注: 带石碑另加2000元/宗, 既带石碑又带华表等设置的另加4000元/宗。",
        note="读作取代而非叠加“带石碑另加2000”：同一宗坟只录其中一项。",
    ),
    _item(
        "grave-relocation",
        "坟墓按时按要求搬迁奖励",
        c.BONUS,
        "1000",
        "元/宗",
        section="第十八条（二）4.注",
        text="按时按要求进行搬迁, 每宗给予1000元奖励;",
    ),
    *[
        _building(code, kind, structure, rate, _BUILDING_NOTE_TWICE if "砖木" in structure else "")
        for kind, structure, rate, code in GUXIAN_STRUCTURES
    ],
    _item(
        "cave-abandoned-stone",
        "废弃石窑洞（不具备入住条件）",
        c.HOUSE,
        "20000",
        "元/孔",
        section=_G_TABLE,
        text=_G_BUILDING + "窑洞　废弃石窑洞　20000元/孔　不具备入住条件",
    ),
    _item(
        "cave-abandoned-earth",
        "废弃土窑洞（不具备入住条件）",
        c.HOUSE,
        "6000",
        "元/孔",
        section=_G_TABLE,
        text=_G_BUILDING + "窑洞　废弃土窑洞　6000元/孔　不具备入住条件",
    ),
    *[
        _item(
            code,
            label,
            c.ATTACHMENTS,
            rate,
            "元/m²",
            kind=c.RATE_PER_M2,
            section=_G_TABLE,
            text=_G_BUILDING + text,
            note=note,
        )
        for code, label, rate, text, note in (
            ("annex-brick", "主体建筑所属附属房 砖混非住房", "1700", "主体建筑所属的附属房　砖混非住房　1700元/m²", ""),
            (
                "annex-simple",
                "附属房 简易房（储物间）",
                "1200",
                "简易房　1200元/m²　储物间",
                "表格合并单元格：读作主体建筑所属附属房的一类。",
            ),
            ("annex-steel", "附属房 彩钢结构", "800", "彩钢结构　800元/m²", "同上，附属房的一类。"),
            ("farm-brick", "养殖房舍 砖混结构", "1800", "养殖房舍　砖混结构　1800元/m²", ""),
            ("farm-brick-steel", "养殖房舍 砖体彩钢顶", "1400", "养殖房舍　砖体彩钢顶　1400元/m²", ""),
            ("farm-shed", "养殖房舍 钢架彩钢棚（无墙体）", "600", "养殖房舍　钢架彩钢棚　600元/m²　无墙体", ""),
            (
                "foundation-unfinished",
                "未竣工砖房基础（出地1m及以上）",
                "600",
                "基础　未竣工砖房基础　600元/m²　出地1m及以上",
                "",
            ),
            ("foundation-stone", "石基础", "600", "基础　石基础　600元/m²　按该标准执行", ""),
            ("foundation-ring-beam", "砖混基础圈梁", "600", "基础　砖混基础圈梁　600元/m²", ""),
            ("wall-brick", "砖围墙", "80", "围墙　砖围墙　80元/m²　抹面120元/m²", ""),
            ("wall-brick-rendered", "砖围墙（抹面）", "120", "围墙　砖围墙　80元/m²　抹面120元/m²", ""),
            ("wall-earth", "土围墙", "60", "围墙　土围墙　60元/m²　抹面80元/m²", ""),
            ("wall-earth-rendered", "土围墙（抹面）", "80", "围墙　土围墙　60元/m²　抹面80元/m²", ""),
            ("wall-stone", "石围墙", "80", "围墙　石围墙　80元/m²　抹面120元/m²", ""),
            ("wall-stone-rendered", "石围墙（抹面）", "120", "围墙　石围墙　80元/m²　抹面120元/m²", ""),
        )
    ],
    _item(
        "cellar-brick", "菜窖 砖、石", c.ATTACHMENTS, "1500", "元/个", section=_G_TABLE, text="菜窖　砖、石　1500元/个"
    ),
    _item("cellar-earth", "土菜窖", c.ATTACHMENTS, "1000", "元/个", section=_G_TABLE, text="菜窖　土　土菜窖1000元/个"),
    _item(
        "millstone",
        "石碾石磨",
        c.ATTACHMENTS,
        "100",
        "元/个",
        amount_max="200",
        section=_G_TABLE,
        text="石碾石磨　100-200元/个",
        note=_RANGE_NOTE,
    ),
    *[
        _item(code, f"大门 {label}", c.ATTACHMENTS, rate, "元/个", section=_G_TABLE, text=f"大门　{label}　{rate}元/个")
        for code, label, rate in (
            ("gate-luxury-wide", "豪华装修净宽2.2米以上", "10000"),
            ("gate-luxury-narrow", "豪华装修净宽2.2米以下", "8000"),
            ("gate-ordinary", "普通装修", "6000"),
            ("gate-fine", "精装修", "7000"),
            ("gate-plain", "未装修", "5000"),
            ("gate-pillar", "柱式大门", "3000"),
            ("gate-wicker", "柴门", "1500"),
        )
    ],
    *[
        _item(
            code,
            f"内装潢 {label}",
            c.ATTACHMENTS,
            low,
            "元/m²",
            kind=c.RATE_PER_M2,
            amount_max=high,
            section=_G_TABLE,
            text=f"内装潢　{label}　{low}-{high}元/m²",
            note=_RANGE_NOTE,
        )
        for code, label, low, high in (
            ("decoration-simple", "简单", "100", "200"),
            ("decoration-medium", "中等", "300", "400"),
            ("decoration-high", "高档", "450", "600"),
        )
    ],
    rule(
        "relocation",
        c.RATE_PER_M2,
        "搬迁补助（一次性）",
        c.RELOCATION,
        "30",
        basis=c.MAIN_AREA,
        unit="元/m²",
        section="第十九条（二）1.",
        text="拆迁房屋搬迁补助标准(一次性): 住宅房屋按30元/m²补助。即: 拆迁房屋搬迁补助=认定拆迁房屋面积×30元/m²。",
        note="“认定拆迁房屋面积”读作住宅主体建筑面积：本条只补助“住宅房屋”，附属房、养殖房舍等不计。",
    ),
    rule(
        "transition",
        c.MONTHLY_PER_M2,
        "临时过渡安置补助（一次性12个月）",
        c.TRANSITION,
        "20",
        basis=c.MAIN_AREA,
        unit="元/m²/月",
        months="12",
        section="第十九条（三）",
        text="拆迁房屋货币补偿一次性支付12个月临时安置补助: 住宅房屋按20元/月/m²。",
        note="面积同搬迁补助。",
    ),
    rule(
        "bonus-20",
        c.RATE_PER_M2,
        "方案发布20日内签约腾空奖励",
        c.BONUS,
        "300",
        basis=c.MAIN_AREA,
        unit="元/m²",
        amount_max="500",
        exclusive_group="signing-day",
        conditions={"signing_day_max": 20, "flags": _IN_TIME},
        section="第十九条（四）1.",
        text=_G_DAYS,
        note="日数自《方案》发布之日（2023年11月7日）的次日起算，“20日内”含第20日。300–500元/m²为区间：按认定标准录入，未录入按300计。",
    ),
    rule(
        "bonus-30",
        c.RATE_PER_M2,
        "方案发布30日内签约腾空奖励",
        c.BONUS,
        "200",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="signing-day",
        conditions={"signing_day_max": 30, "flags": _IN_TIME},
        section="第十九条（四）2.",
        text="在《方案》发布之日起30日内签订补偿协议并搬迁腾空的, 按拆迁主体建筑面积200元/m²给予奖励。",
    ),
    rule(
        "bonus-40",
        c.RATE_PER_M2,
        "方案发布40日内腾空并拆除奖励",
        c.BONUS,
        "100",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="signing-day",
        conditions={"signing_day_max": 40, "flags": _IN_TIME},
        section="第十九条（四）3.",
        text="在《方案》发布之日起40日内搬迁腾空并拆除的, 按拆迁主体建筑面积100元/m²给予奖励。",
        note="第三档以“搬迁腾空并拆除”之日计，录入时签约日栏填该日的日数。",
    ),
    rule(
        "group-10",
        c.RATE_PER_M2,
        "联户10户以上签约奖励",
        c.BONUS,
        "500",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="group",
        conditions={"group_min": 10, "flags": _IN_TIME},
        section="第十九条（四）5.",
        text=_G_GROUP,
        note="“以上”含本数；10户一档读作取代5户一档（500而非800）。本方案未设自申请起的日数限制，只要求在签约期限内。",
    ),
    rule(
        "group-5",
        c.RATE_PER_M2,
        "联户5户以上签约奖励",
        c.BONUS,
        "300",
        basis=c.MAIN_AREA,
        unit="元/m²",
        exclusive_group="group",
        conditions={"group_min": 5, "flags": _IN_TIME},
        section="第十九条（四）5.",
        text=_G_GROUP,
    ),
    rule(
        "homestead-certified",
        c.RATE_PER_M2,
        "有证宅基地：剩余合法宅基地",
        c.LAND,
        "300",
        basis=c.HOMESTEAD_REMAINING,
        unit="元/m²",
        conditions={"title_statuses": [c.LEGAL]},
        section="第十九条（五）1.",
        text="有宅基地使用证或合法手续的……主体建筑及附属房屋所占宅基地不再予以补偿,剩余合法宅基地按300元/m²补偿;",
        note="建筑占地（主体及附属房屋）默认取一层面积，有附属房屋时请填实际占地。",
    ),
    rule(
        "homestead-near",
        c.RATE_PER_M2,
        "无证宅基地：房前8m以内",
        c.LAND,
        "200",
        basis=c.HOMESTEAD_NEAR,
        unit="元/m²",
        conditions={"title_statuses": [c.NO_CERTIFICATE]},
        section="第十九条（五）2.",
        text=_G_HOMESTEAD_FREE,
        note="须村委出具权属证明。",
    ),
    rule(
        "homestead-far",
        c.RATE_PER_MU,
        "无证宅基地：房前超过8m部分按占用耕地标准",
        c.LAND,
        "30672",
        basis=c.HOMESTEAD_FAR,
        unit="元/亩",
        conditions={"title_statuses": [c.NO_CERTIFICATE]},
        section="第十九条（五）2.",
        text=_G_HOMESTEAD_FREE,
        note="“占用耕地标准”读作第十八条的30672元/亩（1平方米＝0.0015亩，即46.008元/m²）。",
    ),
    rule(
        "nonres-appraised",
        c.APPRAISED,
        "非住宅房屋（评估价）",
        c.HOUSE,
        "0",
        basis="appraised_non_residential",
        unit="%",
        conditions={"uses": [c.NON_RESIDENTIAL], "flags": {"licence_before_notice": True}},
        section="第十五条",
        text="规划范围内的非住宅房屋，所有权人需提供合法有效的房屋批准手续及在此项目征收通告发布前已经依法取得相关经营手续……根据评估结果予以补偿。",
    ),
]


# The projects, schemes and versions

PROJECTS = [
    {
        "name": "兴县城区棚户区改造三期工程项目",
        "authority": "兴县人民政府",
        "office": "兴县城区棚户区改造三期工程土地及房屋征收与补偿安置指挥部办公室",
        "departments": ["蔚汾镇人民政府", "奥家湾乡人民政府", "兴县住房和城乡建设管理局"],
        "schemes": [
            {
                "name": "兴县城区棚户区改造三期工程项目土地及房屋征收与补偿安置方案",
                "versions": [
                    {
                        "document": SANQI,
                        "title": "兴县城区棚户区改造三期工程项目土地及房屋征收与补偿安置方案",
                        "signed": datetime.date(2021, 7, 20),
                        "effective_from": datetime.date(2021, 7, 20),
                        "boundary_east": "曲家沟大桥",
                        "boundary_west": "后发达大桥",
                        "boundary_south": "忻黑公路南北规划红线内",
                        "boundary_north": "蔚汾河河堤",
                        "signing_period": "从县政府作出征收决定3个月内",
                        "signing_months": 3,
                        "day_count_from": "指挥部下达搬迁通知书",
                        "options": list(c.OPTIONS),
                        "changes": "",
                        "notes": "本方案自下发之日起施行（十三、（四））。评估结果公示5日；复核、鉴定各10日（二）。",
                        "rules": SANQI_RULES,
                    }
                ],
            }
        ],
    },
    {
        "name": "兴县城区棚户区改造二期工程项目",
        "authority": "兴县人民政府",
        "office": "棚改指挥部办公室",
        "departments": ["蔚汾镇人民政府"],
        "schemes": [
            {
                "name": "兴县城区棚户区改造二期工程项目征收拆迁安置方案",
                "versions": [
                    {
                        "document": ERQI_ORIGINAL,
                        "title": "兴县城区棚户区改造二期工程项目征收拆迁安置方案",
                        "boundary_east": "晋绥东路二巷",
                        "boundary_west": "工程队东巷",
                        "boundary_south": "蔚汾北路",
                        "boundary_north": "晋绥东路",
                        "options": list(c.OPTIONS),
                        "changes": "",
                        "notes": (
                            "原方案兴政发〔2017〕34号不在共享公报中，其条款未录入；范围取自兴政发〔2021〕13号的引述。"
                        ),
                        "rules": [],
                    },
                    {
                        "document": ERQI_ADJUSTMENT,
                        "title": "兴县人民政府关于兴县城区棚户区改造二期工程项目征收拆迁安置方案调整的通知",
                        "signed": datetime.date(2021, 7, 20),
                        "effective_from": datetime.date(2021, 7, 20),
                        "boundary_east": "晋绥东路二巷",
                        "boundary_west": "工程队东巷",
                        "boundary_south": "蔚汾北路",
                        "boundary_north": "晋绥东路",
                        "day_count_from": "指挥部下达搬迁通知书",
                        "options": list(c.OPTIONS),
                        "changes": (
                            "住宅货币补偿改按安置面积的房屋评估价；一层未加层房屋1:1.3置换后另奖15平方米；"
                            "不完全产权按房改时建设成本（1990年230元/m²、1994年320元/m²）补齐；阳台计入建筑面积，未封闭的扣封闭成本；"
                            "地下室等面积置换或按评估价补偿；国有土地不予补偿；安置房差价：多选20平方米以内2600元/m²、超过按市场价，"
                            "少选按4500元/m²找差；非住宅1:1置换并可按5000元/m²（15平方米以内）购买或找差；住改非只认定一层、"
                            "按期签约按非住宅补偿；整院联户或整排集体签约另奖500元/m²。"
                        ),
                        "notes": (
                            "本文只列调整内容；原方案（兴政发〔2017〕34号）不在共享公报中。本文未调整的事项按三期方案"
                            "（兴政发〔2021〕14号 十三、（二）：二期“可参照本方案执行”），这些规则的出处注明为14号。"
                        ),
                        "rules": ERQI_RULES,
                    },
                ],
            }
        ],
    },
    {
        "name": "山西离柳矿区兴县固贤煤矿项目",
        "authority": "兴县人民政府",
        "office": "固贤乡人民政府搬迁工作领导小组",
        "departments": ["固贤乡人民政府"],
        "schemes": [
            {
                "name": "山西离柳矿区兴县固贤煤矿项目土地及房屋征收补偿方案",
                "versions": [
                    {
                        "document": GUXIAN,
                        "title": "山西离柳矿区兴县固贤煤矿项目土地及房屋征收补偿方案",
                        "signed": datetime.date(2023, 11, 7),
                        "effective_from": datetime.date(2023, 11, 7),
                        "boundary_east": "生活区东起X=4243068.000，Y=37518668.000；工业广场东起X=4242778.613，Y=37519130.805",
                        "boundary_west": "生活区西至X=4243050.000，Y=37518176.000；工业广场西至X=4242855.123，Y=37517934.309",
                        "boundary_south": "生活区南至X=4242973.000，Y=37518353.000；工业广场南至X=4242619.721，Y=37518118.053",
                        "boundary_north": "生活区北起X=4243119.780，Y=37518353.000；工业广场北起X=4242912.983，Y=37518118.053",
                        "signing_period": "从县政府发布拆迁通告之日（2023年9月22日）起三个月内",
                        "signing_start": datetime.date(2023, 9, 22),
                        "signing_end": datetime.date(2023, 12, 22),
                        "signing_months": 3,
                        "day_count_from": "《方案》正式发布之日（2023年11月7日）",
                        "options": [c.CASH],
                        "changes": "",
                        "notes": (
                            "征收范围：固贤乡曲亭村、田家会村，生活区6.0746公顷、工业广场25.9539公顷，共32.0285公顷（约480.43亩）。"
                            "补偿方式以货币补偿为主（第十一条）：只录货币方式。调查结果公布不少于七日，异议七日内核实（第九条）。"
                            "未列明的附属物参照兴政发〔2018〕6号，该文不在共享公报中，未录入。"
                        ),
                        "rules": GUXIAN_RULES,
                    }
                ],
            }
        ],
    },
]


def scheme_for_calculator(version, name=""):
    """A version's data as a ``calculator.Scheme``, without the database (for worked examples)."""
    return c.Scheme(
        name=name or version["title"],
        rules=tuple(c.rule_from_data(data, version["document"]) for data in version["rules"]),
        options=tuple(version["options"]),
        day_count_from=version.get("day_count_from", ""),
    )


def version_data(document):
    """The version entered from this document."""
    for project in PROJECTS:
        for scheme in project["schemes"]:
            for version in scheme["versions"]:
                if version["document"] == document:
                    return version
    raise KeyError(document)
