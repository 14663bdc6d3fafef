"""What the parser tells the user, in English without Django: msgids marked for makemessages, translated by whoever
shows them (gazette.messages), in the reader's language. Shaped like common.sheets' messages, which this pure
package may not import."""

from dataclasses import dataclass, field


def gettext_noop(text):
    """``text`` unchanged; the name makes makemessages extract it (this package cannot import Django's)."""
    return text


@dataclass(frozen=True)
class Message:
    """Something to tell the user: an English msgid and the values of its ``%(name)s`` placeholders."""

    text: str
    params: dict = field(default_factory=dict)

    def __str__(self):
        return self.text % self.params


@dataclass(frozen=True)
class ParseWarning:
    """Something the reviewer should check, about one line of the source (1-based)."""

    line: int
    message: Message

    def as_json(self):
        """As Issue.warnings and an import's report store it."""
        return {"line": self.line, "text": self.message.text, "params": dict(self.message.params)}
