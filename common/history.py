"""Change history of simple_history models, merged for display; knows no app."""

from contextlib import contextmanager
from types import SimpleNamespace

from simple_history.models import HistoricalRecords


@contextmanager
def acting_as(user):
    """Record the writes inside as ``user``'s, where no request says who (a worker running a user's import).

    simple_history reads the user from the request its middleware keeps; this stands in for that request.
    """
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            del context.request
        else:
            context.request = previous


def change_history(*histories):
    """Historical records of several models merged newest first, each saying who, what and which fields.

    Each record gets ``model_name``, ``label`` (the object as it was) and ``changed_fields`` (for updates,
    the verbose names of the fields that differ from the record before it).
    """
    changes = []
    for history in histories:
        records = list(history.select_related("history_user").order_by("history_date", "history_id"))
        previous = {}
        for record in records:
            meta = record.instance_type._meta
            record.model_name = meta.verbose_name
            instance = record.instance
            # Related rows fetched with the history (select_related) serve the rebuilt object too.
            instance._state.fields_cache.update(record._state.fields_cache)
            record.label = str(instance)
            before = previous.get(record.id)
            record.changed_fields = []
            if before is not None and record.history_type == "~":
                record.changed_fields = [
                    str(meta.get_field(item.field).verbose_name) for item in record.diff_against(before).changes
                ]
            previous[record.id] = record
        changes.extend(records)
    return sorted(changes, key=lambda change: change.history_date, reverse=True)
