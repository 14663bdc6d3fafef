"""Messages of the modules that know no Django (the sheet readers, the gazette parser) in the user's language: they
word them in English as a msgid with its values, marked with a gettext_noop of their own; whoever shows one
translates it here, in the language active then."""

from django.utils.translation import gettext


def translated(message):
    """A message (``text``, a msgid, and ``params``, its values) as text in the active language."""
    return gettext(message.text) % message.params
