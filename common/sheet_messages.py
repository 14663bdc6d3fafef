"""The sheet readers' messages in the user's language: the readers (no Django) word them in English and mark them
with gettext_noop; whoever shows one translates it here, in the language active then."""

from django.utils.translation import gettext


def translated(message):
    """A ``common.sheets.Message`` as text in the active language."""
    return gettext(message.text) % message.params
