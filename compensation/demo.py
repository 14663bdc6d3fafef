"""Loads the three real schemes of 兴县's shared gazettes (``scheme_data``) through the services.

Runs after projects' demo, which imports the gazettes: each version and rule is linked to its gazette document
when that was imported; without the shared gazettes the schemes come without document links.
"""

from django.db import transaction

from gazette.models import Document
from projects.models import Organisation

from . import scheme_data, services
from .models import CompensationScheme, SchemeVersion


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
