"""Reads of gazette issues and documents.

Gazette documents are published acts of the county government, so every signed-in user
may read all of them; the scope of ledger records (groups, tasks) lives in projects/.
"""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from .models import Document, Issue


def issue_list(user):
    return (
        Issue.objects.select_related("gazette")
        .annotate(document_count=Count("documents"))
        .order_by("-year", "-number", "pk")
    )


def issue_detail(user, pk):
    issue = get_object_or_404(issue_list(user), pk=pk)
    return {"issue": issue, "documents": issue.documents.filter(parent__isnull=True).order_by("order")}


def document_list(user):
    return Document.objects.select_related("issue__gazette")


def recent_documents(user):
    return document_list(user).order_by("-signed", "-pk")


def search_documents(queryset, text):
    text = text.strip()
    if not text:
        return queryset
    return queryset.filter(Q(title__icontains=text) | Q(number__icontains=text) | Q(raw_text__icontains=text))


def document_detail(user, pk):
    document = get_object_or_404(document_list(user).select_related("parent"), pk=pk)
    return {
        "document": document,
        "instruments": document.instruments.order_by("order"),
        "linked_records": linked_records(user, document),
    }


# Ledger apps register, per model that points at Document, the selector that scopes it to a user.
_linked_selectors = {}


def register_linked_selector(model, selector):
    _linked_selectors[model] = selector


def linked_records(user, document):
    """What the ledger apps created from this document, as far as the user may see it.

    gazette/ imports no ledger app: it walks the reverse relations and asks each model's registered
    selector for the user's scope. A model that registered none is not shown.
    """
    found = []
    for relation in document._meta.related_objects:
        selector = _linked_selectors.get(relation.related_model)
        if selector is None or not relation.one_to_many:
            continue
        records = list(selector(user).filter(**{relation.field.name: document})[:100])
        if records:
            found.append({"label": relation.related_model._meta.verbose_name_plural, "records": records})
    return found
