"""Signals other apps listen to; gazette knows nothing of its listeners."""

from django.dispatch import Signal

# Sent after an issue was written (or found unchanged) by an import, with ``issue`` and ``outcome``.
issue_imported = Signal()
