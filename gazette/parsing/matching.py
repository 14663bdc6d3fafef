"""Table of contents against body: by number first, then by title, tolerating one character of difference.

Linear in the number of entries and documents: entries are looked up by number and by title key, and titles one
character apart are found through their one-character deletions (a replaced character and an inserted one both
leave a common deletion), checking at most a few look-alike titles per document.
"""

from collections import defaultdict, deque

from .messages import Message, gettext_noop
from .text import comparison_key, within_one_edit

# Look-alike titles compared per document at most; more (a crafted file) and the document stays unmatched.
_MAX_LOOKALIKES = 64
# Longer titles are matched exactly only: their deletions would cost the square of their length.
_MAX_FUZZY_CHARS = 200


def match_toc(entries, documents, warn):
    """Set each document's toc_page; return (entries missing from the body, documents not in the contents).
    warn(line, Message) flags titles or numbers that differ between the contents and the body."""
    index = _EntryIndex(entries)
    pairs = {}
    for document in documents:
        position = index.take(index.by_number.get(document.number)) if document.number else None
        if position is not None:
            pairs[id(document)] = entries[position]
    for document in documents:
        if id(document) in pairs:
            continue
        position = index.by_title(comparison_key(document.title_normalised))
        if position is None:
            continue
        entry = pairs[id(document)] = entries[position]
        if entry.number and document.number:
            warn(
                entry.line,
                Message(
                    gettext_noop(
                        "The number differs between the table of contents and the body: %(listed)s in the contents, "
                        "%(printed)s in the body"
                    ),
                    {"listed": entry.number, "printed": document.number},
                ),
            )
    for document in documents:
        entry = pairs.get(id(document))
        if entry is None:
            continue
        document.toc_page = entry.page
        # An entry that is its number alone (某县人民政府令（第4号）) has no title to differ.
        listed = comparison_key(entry.title_normalised)
        if listed and listed != comparison_key(document.title_normalised):
            warn(
                entry.line,
                Message(
                    gettext_noop(
                        "The title differs between the table of contents and the body: “%(listed)s” in the contents, "
                        "“%(printed)s” in the body"
                    ),
                    {"listed": entry.title, "printed": document.title},
                ),
            )
    missing = [entry for position, entry in enumerate(entries) if not index.matched[position]]
    return missing, [document for document in documents if id(document) not in pairs]


def _deletions(key):
    return {key[:position] + key[position + 1 :] for position in range(len(key))}


class _EntryIndex:
    """Unmatched entries by number and by title key, each queue in contents order."""

    def __init__(self, entries):
        self.matched = [False] * len(entries)
        self.by_number = defaultdict(deque)
        self.by_key = defaultdict(deque)
        for position, entry in enumerate(entries):
            if entry.number:
                self.by_number[entry.number].append(position)
            self.by_key[comparison_key(entry.title_normalised)].append(position)
        self._lookalikes = None

    def take(self, queue):
        """The first unmatched entry of queue, now matched; None when there is none."""
        position = self._first(queue)
        if position is not None:
            self.matched[position] = True
        return position

    def _first(self, queue):
        while queue and self.matched[queue[0]]:
            queue.popleft()
        return queue[0] if queue else None

    def by_title(self, key):
        """The first unmatched entry with this title, else the first one character apart; matched."""
        position = self.take(self.by_key.get(key))
        if position is not None or len(key) > _MAX_FUZZY_CHARS:
            return position
        candidates = {}
        for variant in {key} | _deletions(key):
            for other in self._lookalike_index().get(variant, ()):
                candidates.setdefault(other, None)
                if len(candidates) > _MAX_LOOKALIKES:
                    return None
        found = [self._first(self.by_key[other]) for other in candidates if within_one_edit(other, key)]
        found = [position for position in found if position is not None]
        if not found:
            return None
        self.matched[min(found)] = True
        return min(found)

    def _lookalike_index(self):
        """Each title key under itself and its one-character deletions, built when a title first needs it."""
        if self._lookalikes is None:
            self._lookalikes = defaultdict(dict)
            for key in self.by_key:
                if len(key) <= _MAX_FUZZY_CHARS:
                    for variant in {key} | _deletions(key):
                        self._lookalikes[variant][key] = None
        return self._lookalikes
