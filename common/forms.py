"""Form pieces every app uses."""

import hashlib
import uuid

from django import forms
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """The browser's date picker, which only reads ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def searchable(field):
    """Let the user type into ``field``'s drop-down to narrow its names (static/js/searchable_select.js): a county
    lists hundreds of people and units. Its choices stay the field's own, already limited to what the user may see."""
    if isinstance(field.widget, forms.Select):
        field.widget.attrs["data-searchable"] = _("No name matches")
    return field


# A drop-down longer than this is slower to render than the rows of the page it filters (a province lists 30,000
# units), and no reader scrolls it.
CHOICES_MAX = 1000


def bounded_choices(field, selected=None, at_most=None):
    """Let ``field``'s drop-down list its choices only while there are at most CHOICES_MAX of them (counted up to
    that). Past that it lists only ``selected`` (the value the form came with) and says to narrow first; every
    choice of the queryset is still accepted, so a link that names one keeps working. ``at_most``, where the caller
    knows it (the ids the queryset is cut to), spares the count when it is within CHOICES_MAX."""
    known_short = at_most is not None and at_most <= CHOICES_MAX
    choices = _choices(field, within=None if known_short else CHOICES_MAX)
    if choices is not None:
        field.widget.choices = _empty(field) + choices
        return field
    rows = field.queryset.filter(pk=selected) if _is_id(selected) else []
    # Said where the reader looks for the choices: in the drop-down itself.
    field.widget.choices = [("", _("All (too many to list: narrow the list first, e.g. by county)"))] + _labelled(
        field, rows
    )
    return field


def listed_choices(field):
    """Give ``field``'s drop-down its choices from one plain query, for a list short by nature (a user's counties).
    Django's own reading goes through ``iterator()``, which on PostgreSQL is a server-side cursor: three round trips
    where one does."""
    field.widget.choices = _empty(field) + _choices(field)
    return field


class SharedChoicesFormSet(BaseInlineFormSet):
    """An inline formset whose rows read each drop-down list once for the page, not once a row (a task naming a
    hundred units rendered a hundred unit lists): rows whose field asks the same query share its list. A row whose
    query differs (one keeping a unit only it holds) reads its own. Validation still asks each field's queryset."""

    @cached_property
    def forms(self):
        forms = super().forms
        for form in forms:
            self._share_choices(form)
        return forms

    @property
    def empty_form(self):
        form = super().empty_form
        self._share_choices(form)
        return form

    @cached_property
    def _lists(self):
        return {}

    def _share_choices(self, form):
        for field in form.fields.values():
            # A drop-down of one choice: not a row's own id (a hidden field of the same kind) nor a multiple choice.
            if not isinstance(field, forms.ModelChoiceField) or type(field.widget) is not forms.Select:
                continue
            queryset = field.queryset
            try:
                sql, params = queryset.query.get_compiler(queryset.db).as_sql()
            except EmptyResultSet:
                field.widget.choices = _empty(field)
                continue
            key = (queryset.db, field.empty_label, sql, repr(params))
            if key not in self._lists:
                self._lists[key] = list(field.widget.choices)
            field.widget.choices = self._lists[key]


# Drop-down lists kept in the cache: the task list's filter lists a county's units and groups on every page, and
# reading them (hundreds of rows made into model instances) took a seventh of the page's time. A list is kept
# under the exact query that reads it, so each scope has its own, and under a version that every write of a
# model registered by ``keep_choices_of`` renews; a bulk write sends no signal, so a list lives at most for the
# cache's default timeout.
CHOICES_VERSION = "common:choices-version"


def keep_choices_of(*models):
    """Renew the kept drop-down lists whenever a row of one of ``models`` is saved or deleted: the models whose
    rows drop-downs list, and those that decide which rows a user sees (a group's memberships)."""
    for model in models:
        _KEPT.add(model)
        post_save.connect(forget_choices, sender=model, dispatch_uid=f"forget_choices_saved_{model._meta.label}")
        post_delete.connect(forget_choices, sender=model, dispatch_uid=f"forget_choices_deleted_{model._meta.label}")


_KEPT = set()


def forget_choices(using="default", **kwargs):
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _renew_choices()
        return
    if _read_since_renewal:
        # This process may read the lists again inside the writer's transaction: not under the old version.
        _renew_choices()
    # And when it commits (once a transaction: an import saves thousands of rows), since a page of another request
    # may have kept the rows as they were in between. Django replaces the list of commit hooks at each commit and
    # rollback, so a hook is registered again in the next transaction.
    if getattr(connection, "_choices_renewal", None) is not connection.run_on_commit:
        transaction.on_commit(_renew_choices, using=using)
        connection._choices_renewal = connection.run_on_commit


_read_since_renewal = False


def _renew_choices():
    global _read_since_renewal
    # Never a version used before: lists kept under an old one (for the cache's default timeout) stay unread.
    cache.set(CHOICES_VERSION, _new_version(), None)
    _read_since_renewal = False


def _new_version():
    return uuid.uuid4().hex


# Marks a list with more than ``within`` choices in the cache.
_TOO_MANY = "too many"


def _choices(field, within=None):
    """``field``'s choices as (id, label) pairs, or None when there are more than ``within``."""
    queryset = field.queryset
    if not _keepable(field, queryset):
        return _read_choices(field, queryset, within)
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return []  # none() or an empty id list (an account given no unit yet): nothing to read or keep
    query = f"{queryset.db}\n{within}\n{sql}\n{params!r}"
    global _read_since_renewal
    _read_since_renewal = True
    version = cache.get_or_set(CHOICES_VERSION, _new_version, None)
    key = f"common:choices:{version}:{hashlib.sha256(query.encode()).hexdigest()}"
    kept = cache.get(key)
    if kept is None:
        kept = _read_choices(field, queryset, within)
        cache.set(key, _TOO_MANY if kept is None else kept)
    return None if kept == _TOO_MANY else kept


def _keepable(field, queryset):
    # Labels the model's own str() gives, of rows of a registered model: what a write of it renews.
    return (
        isinstance(queryset, QuerySet)
        and queryset.model in _KEPT
        and "label_from_instance" not in vars(field)
        and type(field).label_from_instance is forms.ModelChoiceField.label_from_instance
    )


def _read_choices(field, queryset, within):
    # Counted before read: making 1,001 model instances only to throw them away cost a province's list 30 ms.
    if within is not None and queryset.order_by()[: within + 1].count() > within:
        return None
    return _labelled(field, queryset)


def _empty(field):
    return [("", field.empty_label)] if field.empty_label is not None else []


def _labelled(field, rows):
    return [(row.pk, field.label_from_instance(row)) for row in rows]


def _is_id(value):
    """Whether ``value`` as typed can be a primary key: digits, within the database's integers."""
    return str(value or "").isdigit() and len(str(value)) < 19
