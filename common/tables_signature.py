"""django-tables2 (3.0.1) asks ``inspect.signature`` of a cell's render function for every cell it renders
(``django_tables2.utils.signature``, called by ``call_with_appropriate``): a third of rendering a page of tasks. The
answer depends only on the function, so it is worked out once per function; CommonConfig.ready() installs this."""

import inspect

from django_tables2 import utils

uncached = utils.signature
_known = {}
# Render functions are methods of tables and columns, a few dozen in all; the bound is against a table built with
# a new function per request.
KNOWN_MAX = 4096


def signature(fn):
    """``django_tables2.utils.signature(fn)``: (argument names, name of the ** catch-all), ``self`` left out."""
    # A bound method is made anew for every cell: its function, and that it is bound, decide the answer.
    key = (getattr(fn, "__func__", fn), inspect.ismethod(fn))
    try:
        return _known[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable
        return uncached(fn)
    if len(_known) >= KNOWN_MAX:
        _known.clear()
    _known[key] = answer = uncached(fn)
    return answer


def install():
    utils.signature = signature
