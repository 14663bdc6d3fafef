"""Large Excel imports read by the worker, not while the browser waits.

The upload is stored, a job reads it with the import's own reader and leaves in the cache how many rows it has read,
then the rows (or why the file was refused); the import's progress page polls that and shows the usual row-by-row
preview when the rows are there. Nothing is written before the user confirms the preview, as with a small file.
Why a file was refused is kept as the reader's msgid and parameters: the worker knows no user's language, the page
translates it in the user's.
"""

import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .messages import translated
from .sheets import Message, SheetError, SheetRow

# Files from this size on are read by the worker; a smaller one is read in well under a second.
ASYNC_FROM_BYTES = 256 * 1024
KEPT_SECONDS = 60 * 60  # how long a finished reading waits for its preview


def start(data, reader):
    """Store the upload and queue its reading by ``reader`` (a dotted path to ``read(data, progress=…)``); the
    token to follow it with ``state``."""
    from . import jobs  # jobs imports this module

    token = uuid.uuid4().hex
    path = default_storage.save(f"sheet-imports/{token}.xlsx", ContentFile(data))
    _set(token, {"state": "reading", "rows_read": 0})
    jobs.read_sheet.delay(token, path, reader)
    return token


def read(token, path, reader):
    """What the job does: read the stored file, report progress, leave the rows or the refusal, delete the file."""
    try:
        with default_storage.open(path) as file:
            data = file.read()
        default_storage.delete(path)
        rows = import_string(reader)(data, progress=lambda read: _set(token, {"state": "reading", "rows_read": read}))
    except SheetError as refusal:
        _set(token, {"state": "refused", "message": refusal.message.text, "params": refusal.message.params})
    except Exception:
        _set(token, {"state": "failed"})  # the page stops waiting; the worker's log has the error
        raise
    else:
        _set(token, {"state": "done", "rows": [[row.number, row.values] for row in rows]})


def state(token):
    """``{"state": "reading", "rows_read": n}``, ``{"state": "done", "rows": [...]}``, ``{"state": "refused",
    "message": msgid, "params": {...}}``, ``{"state": "failed"}``, or ``{"state": "lost"}`` when the cache no longer
    has it."""
    return cache.get(_key(token)) or {"state": "lost"}


def refusal(found):
    """Why a finished reading was refused, in the active language; None when it was not refused."""
    if found["state"] != "refused":
        return None
    # No params: written by a worker of the release before, whose message is the Chinese text itself.
    return translated(Message(found["message"], found.get("params", {})))


def while_reading(request, found, title):
    """The progress page of a reading not finished (or, to the page's script, its progress as JSON); None once
    it is finished, for the import's view to show the preview or the refusal."""
    finished = found["state"] != "reading"
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(
            {"done": found.get("rows_read", 0), "total": 0, "finished": finished, "status_label": _("Rows read:")}
        )
    if finished:
        return None
    return render(request, "sheet_import_progress.html", {"title": title, "rows_read": found["rows_read"]})


def rows(found):
    """The rows of a finished reading as the readers return them."""
    return [SheetRow(number, values) for number, values in found["rows"]]


def _set(token, value):
    cache.set(_key(token), value, KEPT_SECONDS)


def _key(token):
    return f"sheet-import:{token}"
