"""Inputs several test modules share: worked example 5 as the calculator's query, and an invented scheme's
text with a helper that stores a rate read from one of its lines as a proposal."""

from intake.models import Proposal

# Example 5 of the worked examples (tests/compensation/test_worked_examples.py), entered as a user would.
EXCHANGE_QUERY = {
    "option": "exchange",
    "storey_1_area": "100",
    "storey_2_area": "80",
    "land_ownership": "collective",
    "use": "residential",
    "title_status": "legal",
    "appraised_attachments": "10000",
    "wished_area": "250",
    "agreed_transition_months": "24",
    "signing_day": "10",
    "group_households": "6",
    "group_days": "8",
}


# Invented for the tests, laid out as a scheme prints its clauses.
SOURCE = "\n".join(
    [
        "兴县某项目房屋征收补偿方案",
        "六、土地补偿",
        "（一）集体土地",
        "征收集体土地的，每亩补偿1.6万元。",
        "七、搬迁补助",
        "选择货币补偿的，按每平方米30元支付搬迁补助费。",
    ]
)


def rate(document, *, line, kind=Proposal.Kind.RATE, **payload):
    values = {"item": "搬迁补助费", "amount": "30", "amount_max": None, "unit": "元/平米", "condition": None}
    values.update(payload, raw=SOURCE.split("\n")[line - 1])
    return Proposal.objects.create(
        document=document,
        kind=kind,
        key=f"{kind}-{line}-{values['item']}",
        label=f"{values['item']} {values['amount']}{values['unit']}",
        payload=values,
        span_start=line,
        span_end=line,
    )
