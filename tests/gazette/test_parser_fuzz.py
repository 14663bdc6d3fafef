"""Mutated gazettes: the parser raises nothing but GazetteParseError, and what it returns stays well formed.

Mutations of the real issues (or of the demo sample and an invented full issue where ../shared/gazettes is absent):
line ranges deleted, duplicated or shuffled, random text inserted, characters replaced, the text truncated. How fast
the parser is belongs to bench/, not here.
"""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazette.parsing import GazetteParseError, parse_gazette
from tests.gazette.extracted import SAMPLES, SHARED_FILES
from tests.helpers import shown_warnings
from tests.shared import GAZETTES, SAMPLE

SHARED = [GAZETTES / name for name in SHARED_FILES if (GAZETTES / name).exists()]
BASES = SHARED or [SAMPLE, SAMPLES / "full-issue.txt"]
TEXTS = [path.read_text(encoding="utf-8") for path in BASES]
# Fewer examples on the large real issues: the test takes some ten seconds either way.
EXAMPLES = 200 if SHARED else 400

MUTATIONS = ("delete", "duplicate", "shuffle", "insert", "replace", "truncate")
# Characters the parser cares about, mixed with any Unicode (no surrogates: the text came through a decoder).
SIGNIFICANT = "关于通知批复函号〔〕（）()[]年月日\t ：:。；一二三十、0123456789县人民政府办公室附件此件公开发布目录…·-"
random_text = st.text(
    alphabet=st.one_of(st.sampled_from(SIGNIFICANT), st.characters(exclude_categories=("Cs",))), max_size=60
)


def mutate(text, operations, rng):
    lines = text.split("\n")
    for operation, argument in operations:
        if not lines:
            break
        start = rng.randrange(len(lines))
        end = min(len(lines), start + rng.randint(1, max(1, len(lines) // 10)))
        if operation == "delete":
            del lines[start:end]
        elif operation == "duplicate":
            lines[start:start] = lines[start:end]
        elif operation == "shuffle":
            chunk = lines[start:end]
            rng.shuffle(chunk)
            other = rng.randrange(len(lines))
            del lines[start:end]
            lines[other:other] = chunk
        elif operation == "insert":
            lines.insert(start, argument)
        elif operation == "replace":
            line = lines[start]
            if line:
                position = rng.randrange(len(line))
                lines[start] = line[:position] + argument + line[position + len(argument) :]
        elif operation == "truncate":
            joined = "\n".join(lines)
            lines = joined[: rng.randrange(len(joined) + 1)].split("\n")
    return "\n".join(lines)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(range(len(TEXTS))),
    seed=st.integers(min_value=0, max_value=2**32),
    operations=st.lists(st.tuples(st.sampled_from(MUTATIONS), random_text), min_size=1, max_size=6),
)
def test_mutated_gazettes_raise_only_the_parse_error_or_parse_into_ordered_documents(base, seed, operations):
    text = mutate(TEXTS[base], operations, random.Random(seed))
    try:
        issue = parse_gazette(text)
    except GazetteParseError as error:
        assert error.message
    else:
        assert all(warning.startswith("第") for warning in shown_warnings(issue))
        assert [d.span.start for d in issue.documents] == sorted(d.span.start for d in issue.documents)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_the_parse_error(text):
    try:
        parse_gazette(text)
    except GazetteParseError as error:
        assert error.message
