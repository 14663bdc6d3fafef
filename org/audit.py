"""What one account did: its writes across the change history of every recorded model, newest first, for the data
managers of its counties (``/audit/``).

Each app registers its recorded models here (``register``) with the scope that keeps a viewer to the records of
their counties (built from ``org.access``) and the relations the record's name reads. A page costs one query per
recorded model (the page's records of the account together with the record before each, for the diff), and one per
many-to-many field and per related model whose changes are on the page; never one per row.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import BooleanField, ExpressionWrapper, ForeignKey, OuterRef, Q, Subquery
from django.utils import timezone
from simple_history.utils import get_m2m_reverse_field_name

from . import access

PER_PAGE = 50


@dataclass(frozen=True)
class Audited:
    scope: object  # (viewer, queryset of historical records) -> the records of the viewer's counties
    related: tuple  # select_related paths the record's name reads


_AUDITED = {}


def register(model, scope, related=()):
    """List ``model``'s history on the audit page, scoped by ``scope`` (one of the functions below)."""
    _AUDITED[model.history.model] = Audited(scope, tuple(related))


def audited_models():
    """The historical models the audit page reads."""
    return set(_AUDITED)


# Scopes: each keeps a viewer to the historical records of the viewer's counties.


def by_county(lookup="county"):
    return lambda viewer, records: access.in_counties(viewer, records, county=lookup)


def by_unit(lookup="organisation"):
    return lambda viewer, records: access.in_county_units(viewer, records, unit=lookup)


def by_county_name(lookup):
    return lambda viewer, records: access.in_named_counties(viewer, records, lookup)


def by_account(viewer, records):
    return records.filter(id__in=access.county_users(viewer).values("pk"))


def site_wide(viewer, records):
    return access.site_wide(viewer, records)


# Reading


def accounts(viewer):
    """The accounts a viewer may look up: those of the viewer's counties."""
    return access.county_users(viewer).order_by("username")


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class Action:
    when: datetime.datetime
    kind: str  # "+" created, "~" changed, "-" deleted (simple_history's history_type)
    model_name: str
    label: str
    changes: list = field(default_factory=list)
    record: object = None


@dataclass
class ActionPage:
    actions: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1


def actions(viewer, actor, *, since=None, until=None, page=1, per_page=PER_PAGE):
    """Page ``page`` of what ``actor`` wrote in records the viewer may see, newest first; ``since``/``until``: dates,
    both included."""
    limit = page * per_page + 1
    on_page, earlier = [], {}
    for history, audited in _AUDITED.items():
        records = _records(history, audited, viewer, actor, since, until, limit)
        for record in records:
            if record.on_page:
                on_page.append(record)
            earlier[(history, record.history_id)] = record
    on_page.sort(key=lambda record: (record.history_date, record.history_id), reverse=True)
    shown = on_page[(page - 1) * per_page : page * per_page]
    diffs = {record: _diff(record, earlier) for record in shown}
    names = _related_names(diffs)
    return ActionPage(
        actions=[_action(record, diffs[record], names) for record in shown],
        number=page,
        has_next=len(on_page) > page * per_page,
    )


def _records(history, audited, viewer, actor, since, until, limit):
    """The actor's latest ``limit`` records of one model in the viewer's scope, and the record before each."""
    mine = audited.scope(viewer, history.objects.filter(history_user=actor))
    if since:
        mine = mine.filter(history_date__gte=_start_of(since))
    if until:
        mine = mine.filter(history_date__lt=_start_of(until + datetime.timedelta(days=1)))
    mine = mine.order_by("-history_date", "-history_id")
    ids = mine.values("history_id")[:limit]
    before = (
        history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    earlier = mine.annotate(before=Subquery(before)).values("before")[:limit]
    return (
        history.objects.filter(Q(history_id__in=ids) | Q(history_id__in=earlier))
        .annotate(
            on_page=ExpressionWrapper(Q(history_id__in=ids), output_field=BooleanField()),
            before=Subquery(before),
        )
        .select_related(*audited.related)
    )


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _diff(record, earlier):
    """The changes of an update against the record before it: fields, then many-to-many fields (read below)."""
    previous = earlier.get((type(record), record.before)) if record.before else None
    record.previous = previous
    if record.history_type != "~" or previous is None:
        return []
    m2m = [item.name for item in record._history_m2m_fields]
    return [
        Change(item.field, item.old, item.new) for item in record.diff_against(previous, excluded_fields=m2m).changes
    ]


def _m2m_changes(shown):
    """The many-to-many changes of the updates shown: one query per model and field for all of them."""
    wanted = defaultdict(list)
    for record in shown:
        if record.history_type == "~" and record.previous is not None:
            for m2m in record._history_m2m_fields:
                wanted[(type(record), m2m)].append(record)
    changes = defaultdict(list)
    for (history, m2m), records in wanted.items():
        through = getattr(history, m2m.name).model  # the historical rows of the field, one per member
        target = get_m2m_reverse_field_name(m2m)
        ids = {record.history_id for record in records} | {record.previous.history_id for record in records}
        members = defaultdict(set)
        for owner, member in through.objects.filter(history_id__in=ids).values_list("history_id", f"{target}_id"):
            members[owner].add(member)
        for record in records:
            old, new = members[record.previous.history_id], members[record.history_id]
            if old != new:
                changes[record].append(Change(m2m.name, sorted(old), sorted(new)))
    return changes


def _related_names(diffs):
    """Names of the related records the changes shown point at, one query per related model."""
    for record, extra in _m2m_changes(list(diffs)).items():
        diffs[record].extend(extra)
    wanted = defaultdict(set)
    for record, changes in diffs.items():
        for change in changes:
            model = _related_model(record, change.field)
            if model is not None:
                for value in (change.old, change.new):
                    wanted[model].update(value if isinstance(value, list) else [value])
    return {
        model: {pk: str(obj) for pk, obj in model._default_manager.in_bulk(pks - {None}).items()}
        for model, pks in wanted.items()
    }


def _related_model(record, name):
    model_field = record.instance_type._meta.get_field(name)
    if isinstance(model_field, ForeignKey) or model_field.many_to_many:
        return model_field.related_model
    return None


def _action(record, changes, names):
    meta = record.instance_type._meta
    # Built from the recorded fields alone: simple_history's ``instance`` reads excluded ones (a password) from the
    # live row, a query per record.
    instance = record.instance_type(**{item.attname: getattr(record, item.attname) for item in record.tracked_fields})
    # Related rows fetched with the record (select_related) serve its name too.
    instance._state.fields_cache.update(record._state.fields_cache)
    try:
        label = str(instance)
    except (AttributeError, ObjectDoesNotExist):
        label = f"{meta.verbose_name} #{record.id}"  # a related record the name reads is gone
    shown = []
    for change in changes:
        model = _related_model(record, change.field)
        model_field = meta.get_field(change.field)
        old, new = change.old, change.new
        if model is not None:
            old, new = _name(names[model], old), _name(names[model], new)
        elif model_field.choices:
            labels = dict(model_field.flatchoices)
            old, new = labels.get(old, old), labels.get(new, new)
        shown.append(Change(str(model_field.verbose_name), old, new))
    return Action(
        when=record.history_date,
        kind=record.history_type,
        model_name=str(meta.verbose_name),
        label=label,
        changes=shown,
        record=record,
    )


def _name(names, value):
    if isinstance(value, list):
        return "、".join(names.get(pk, f"#{pk}") for pk in value)
    if value is None:
        return ""
    return names.get(value, f"#{value}")
