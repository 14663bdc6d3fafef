"""Rendering a table's cells asks the signature of each render function once, with django-tables2's answers."""

import functools

from django_tables2 import utils

from common import tables_signature


class Column:
    def render(self, value, record):
        return value

    def render_any(self, value, **kwargs):
        return value


def plain(value, *args, table=None, **extra):
    return value


def test_django_tables2_uses_the_remembered_signature():
    assert utils.signature is tables_signature.signature


def test_the_answers_are_django_tables2s_own():
    callables = [
        Column().render,
        Column().render_any,
        Column.render,
        plain,
        lambda record: record,
        functools.partial(plain, table=1),
    ]
    for fn in callables:
        assert tables_signature.signature(fn) == tables_signature.uncached(fn)
        assert tables_signature.signature(fn) == tables_signature.uncached(fn)  # and again, remembered


def test_methods_of_different_objects_share_one_answer():
    first, second = Column().render, Column().render
    assert tables_signature.signature(first) == (("value", "record"), None)
    tables_signature._known.clear()
    tables_signature.signature(first)
    tables_signature.signature(second)
    assert len(tables_signature._known) == 1


def test_a_bound_method_and_its_function_are_told_apart():
    assert tables_signature.signature(Column().render) == (("value", "record"), None)
    assert tables_signature.signature(Column.render) == (("self", "value", "record"), None)


def test_call_with_appropriate_passes_only_the_arguments_asked_for():
    seen = utils.call_with_appropriate(Column().render, {"value": 1, "record": 2, "table": 3})
    assert seen == 1
