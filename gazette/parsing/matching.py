"""Table of contents against body: by number first, then by title, tolerating one character of difference."""

from .text import comparison_key, within_one_edit


def match_toc(entries, documents, warn):
    """Set each document's toc_page; return (entries missing from the body, documents not in the contents).
    warn(line, message) flags titles or numbers that differ between the contents and the body."""
    unmatched = list(entries)
    pairs = {}
    for document in documents:
        entry = next((e for e in unmatched if document.number and e.number == document.number), None)
        if entry is not None:
            pairs[id(document)] = entry
            unmatched.remove(entry)
    for document in documents:
        if id(document) not in pairs and (entry := _by_title(unmatched, document)) is not None:
            pairs[id(document)] = entry
            unmatched.remove(entry)
            if entry.number and document.number:
                warn(entry.line, f"目录文号与正文不一致：目录为{entry.number}，正文为{document.number}")
    for document in documents:
        entry = pairs.get(id(document))
        if entry is None:
            continue
        document.toc_page = entry.page
        if comparison_key(entry.title_normalised) != comparison_key(document.title_normalised):
            warn(entry.line, f"目录标题与正文不一致：目录为《{entry.title}》，正文为《{document.title}》")
    return unmatched, [document for document in documents if id(document) not in pairs]


def _by_title(entries, document):
    """The entry with the same title, else one whose title is one character apart."""
    key = comparison_key(document.title_normalised)
    exact = next((entry for entry in entries if comparison_key(entry.title_normalised) == key), None)
    if exact is not None:
        return exact
    return next((entry for entry in entries if within_one_edit(comparison_key(entry.title_normalised), key)), None)
