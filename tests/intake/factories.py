import factory

from intake.models import Proposal
from tests.gazette.factories import DocumentFactory

# What the extractor stores for each kind, cut to the fields the review pages read; the label is the name it read.
PAYLOADS = {
    Proposal.Kind.ROSTER: {
        "group": "",
        "kind": "领导小组",
        "members": [{"role": "组长", "name": "李明远", "title": "县长", "kind": "person"}],
        "office_host": "",
        "placeholders": [],
    },
    Proposal.Kind.TASK: {"title": "完成人工造林", "units": [], "deadline_text": "", "person": None},
    Proposal.Kind.PHASE: {"label": "动员部署阶段", "dates_text": "10月"},
    Proposal.Kind.PARCEL: {"parcel_no": "XG2023-01", "location": "城东"},
    Proposal.Kind.PLAN: {"year": 2024, "total_ha": "12.5", "categories": []},
    Proposal.Kind.RATE: {"item": "搬迁补助费", "amount": "30", "amount_max": None, "unit": "元/平米"},
    Proposal.Kind.PORTFOLIO: {"name": "王伟", "post": "副县长", "fields": [], "supervises": [], "liaises": []},
    Proposal.Kind.UNIT: {"name": "兴县数据局", "short_name": "县数据局", "aliases": [], "kind": "department"},
}


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    document = factory.SubFactory(DocumentFactory)
    kind = Proposal.Kind.TASK
    key = factory.Sequence(lambda n: f"proposal-{n}")
    label = factory.Sequence(lambda n: f"第{n}项提议")
    payload = factory.LazyAttribute(lambda proposal: PAYLOADS[proposal.kind])
    span_start = 1
    span_end = 2
    position = factory.Sequence(lambda n: n)
