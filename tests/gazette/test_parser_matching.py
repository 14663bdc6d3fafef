"""Contents against body (gazette/parsing/matching.py): numbers first, then titles, one character apart at most;
the work grows with the number of entries, not its square."""

from types import SimpleNamespace

from gazette.parsing import matching
from gazette.parsing.result import TocEntry


def entry(title, number=None, line=1):
    return TocEntry(title, title, number, line, None, line)


def document(title, number=None):
    return SimpleNamespace(title=title, title_normalised=title, number=number, toc_page=None)


def test_titles_one_character_apart_match_the_first_such_entry_and_are_warned_about():
    entries = [entry("关于开展秋季造林工作的通知", line=1), entry("关于开展春季造林工作的通知", line=2)]
    entries.append(entry("关于印发县节水办法的通知", line=3))
    documents = [document("关于开展冬季造林工作的通知"), document("关于印发节水办法的通知")]
    documents.append(document("关于别的事的通知"))
    warnings = []
    missing, not_in_toc = matching.match_toc(entries, documents, lambda line, text: warnings.append(line))
    assert [d.toc_page for d in documents] == [1, 3, None]  # the page of an entry is its line here
    assert missing == [entries[1]] and not_in_toc == [documents[2]]
    assert warnings == [1, 3]


def test_numbers_win_over_titles():
    entries = [entry("关于甲的通知", "某政发〔2024〕1号", 1), entry("关于乙的通知", "某政发〔2024〕2号", 2)]
    documents = [document("关于甲的通知", "某政发〔2024〕2号")]
    missing, _ = matching.match_toc(entries, documents, lambda line, text: None)
    assert documents[0].toc_page == 2 and missing == [entries[0]]


def comparisons(count, monkeypatch):
    """Titles compared or keyed while matching count documents, in reverse order, none exactly, to as many entries."""
    calls = []
    for name in ("within_one_edit", "comparison_key"):
        original = getattr(matching, name)
        monkeypatch.setattr(matching, name, lambda *args, original=original: calls.append(1) or original(*args))
    entries = [entry(f"关于第{index}号工作的通知", line=index) for index in range(count)]
    documents = [document(f"关于第{index}号工作的通告") for index in reversed(range(count))]
    matching.match_toc(entries, documents, lambda line, text: None)
    assert [d.toc_page for d in documents[-3:]] == [2, 1, 0]
    return len(calls)


def test_the_comparisons_grow_with_the_entries_not_their_square(monkeypatch):
    small, large = comparisons(500, monkeypatch), comparisons(2000, monkeypatch)
    assert large <= 4.5 * small
