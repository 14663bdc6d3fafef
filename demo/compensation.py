"""Loads the three real schemes of 兴县's shared gazettes (``scheme_data``) through the services.

Runs after projects' demo, which imports the gazettes: each version and rule is linked to its gazette document
when that was imported; without the shared gazettes the schemes come without document links.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from compensation import calculator as c
from compensation import scheme_data, services
from compensation.models import HOUSEHOLD_LIFECYCLE, CompensationScheme, Household, SchemeVersion
from gazette.models import Document
from org.models import Organisation


def find_document(number):
    """The imported document of this number: the scheme an 印发 notice issues rather than the notice itself."""
    document = Document.objects.filter(number=number).order_by("pk").first()
    if document is None:
        return None
    return document.instruments.order_by("order", "pk").first() or document


@transaction.atomic
def load_demo():
    """Create the demo projects and schemes unless they exist; returns how many schemes were created."""
    if CompensationScheme.objects.exists():
        return 0
    county = Organisation.objects.filter(kind=Organisation.Kind.COUNTY, short_name="兴县").first()
    documents = {}

    def document(number):
        if number not in documents:
            documents[number] = find_document(number)
        return documents[number]

    created = 0
    for project_data in scheme_data.PROJECTS:
        project = services.create_project(
            name=project_data["name"],
            county=county,
            authority=project_data["authority"],
            office=project_data["office"],
            departments=project_data["departments"],
        )
        for scheme_spec in project_data["schemes"]:
            first, *adjustments = scheme_spec["versions"]
            status = SchemeVersion.Status.SUPERSEDED if adjustments else SchemeVersion.Status.IN_FORCE
            scheme = services.create_scheme(
                project=project,
                name=scheme_spec["name"],
                version=_version(first, document, status),
                rules=_rules(first, document),
            )
            for adjustment in adjustments:
                services.adjust_scheme(
                    scheme,
                    version=_version(adjustment, document, SchemeVersion.Status.IN_FORCE),
                    rules=_rules(adjustment, document),
                )
            created += 1
    return created


def _version(data, document, status):
    version = {key: value for key, value in data.items() if key in services.VERSION_FIELDS and key != "document"}
    version.update(document=document(data["document"]), document_number=data["document"], status=status)
    return version


def _rules(version, document):
    rules = []
    for data in version["rules"]:
        number = data.get("document", version["document"])
        rule = {key: value for key, value in data.items() if key in services.RULE_FIELDS}
        rule.update(
            source_document=document(number),
            source_number=number,
            source_section=data["section"],
            source_text=data["text"],
        )
        rules.append(rule)
    return rules


# Invented households of the third phase, so that the register and its dashboard have something to show. The names
# say they are examples; the dates run up to today, so the publicity and review deadlines are recent.
DEMO_HOUSEHOLDS = [
    # number, head, storeys (m²), attachments (yuan), option wished, steps taken after the survey, agreement type
    ("SQ-001", "示例户一", (100, 80), 10000, c.EXCHANGE, 6, c.CASH),
    ("SQ-002", "示例户二", (120,), 8000, c.CASH, 5, c.CASH),
    ("SQ-003", "示例户三", (90, 90), 12000, c.EXCHANGE, 4, c.EXCHANGE),
    ("SQ-004", "示例户四", (150,), 5000, c.CASH, 3, c.CASH),
    ("SQ-005", "示例户五", (110, 60), 9000, c.EXCHANGE, 2, None),
    ("SQ-006", "示例户六", (80,), 3000, c.CASH, 1, None),
    ("SQ-007", "示例户七", (130, 130), 20000, c.EXCHANGE, 0, None),
]


@transaction.atomic
def load_demo_households(today=None):
    """The invented households of the third phase unless it has households; returns how many were created."""
    version = SchemeVersion.objects.filter(document_number=scheme_data.SANQI).select_related("scheme__project").first()
    if version is None or Household.objects.filter(project=version.scheme.project).exists():
        return 0
    today = today or timezone.localdate()
    for index, (number, head, storeys, attachments, option, steps, agreement) in enumerate(DEMO_HOUSEHOLDS):
        facts = c.HouseholdFacts(
            option=option,
            storeys=tuple(c.Storey(storey, Decimal(area)) for storey, area in enumerate(storeys, start=1)),
            appraised_attachments=Decimal(attachments),
            agreed_transition_months=Decimal(24) if option == c.EXCHANGE else Decimal(0),
            signing_day=10 + index,
        )
        start = today - datetime.timedelta(days=40)
        household = services.create_household(
            project=version.scheme.project,
            scheme_version=version,
            facts=facts,
            surveyed_on=start,
            number=number,
            head_name=head,
            address=f"蔚汾镇示例街{index + 1}号",
            notes="演示数据",
        )
        # Publicity in one batch, appraisal in two, then one signing every few days.
        dates = [start + datetime.timedelta(days=8), start + datetime.timedelta(days=16 + index % 2)]
        dates += [start + datetime.timedelta(days=24 + 2 * index + offset) for offset in (0, 4, 6, 8)]
        for (status, _field), on in zip(HOUSEHOLD_LIFECYCLE[1 : steps + 1], dates, strict=False):
            if status == Household.Status.PAID:
                services.record_payment(household, paid_on=on, amount=household.signed_total)
            household = services.advance_household(household, status=status, on=on, agreement_type=agreement or "")
    return len(DEMO_HOUSEHOLDS)
