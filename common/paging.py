"""Paging a list without counting every row that matches: a province's list holds a million tasks, and PostgreSQL
counts them by reading them all, on every page.

A page reads its rows and one more, which tells whether a next page exists (django-tables2's LazyPaginator). The
number of rows shown above the list is counted up to COUNT_CAP and no further: below it, exact; above it, "more
than COUNT_CAP", which is all a reader does with a number that large.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django_tables2.paginators import LazyPaginator

COUNT_CAP = 10_000
# Past any real list; a larger number would overflow the database's OFFSET.
LAST_PAGE = 10_000_000


class CappedPaginator(LazyPaginator):
    def __init__(self, object_list, per_page, *, records, **kwargs):
        """``object_list``: the table's rows; ``records``: what they show (a queryset, or a list)."""
        super().__init__(object_list, per_page, **kwargs)
        self.records = records
        self._count = None
        self._more = False

    def get_page(self, number):
        """The page ``number``; for a number out of range the last page, or the first when the count stopped
        at COUNT_CAP and the last is not known; for what is not a number the first."""
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(1 if self.more else self._final_num_pages)

    def validate_number(self, number):
        number = super().validate_number(number)
        if number > LAST_PAGE:
            raise EmptyPage
        return number

    def page(self, number):
        page = super().page(number)
        if self._final_num_pages is not None:  # the last page: the rows before it and on it are all there are
            self._count = (page.number - 1) * self.per_page + len(page.object_list)
        return page

    @property
    def count(self):
        if self._count is None:
            found = _capped_count(self.records)
            self._more = found > COUNT_CAP
            self._count = min(found, COUNT_CAP)
            if not self._more:  # the page links can then end at the last page, as with an exact paginator
                self._num_pages = self._final_num_pages = max(1, -(-found // self.per_page))
        return self._count

    @property
    def more(self):
        """Whether more rows match than COUNT_CAP (``count`` then says COUNT_CAP)."""
        self.count  # noqa: B018 (counting decides it)
        return self._more


def _capped_count(records):
    if isinstance(records, list):
        return len(records)
    # Sliced, the count reads at most COUNT_CAP + 1 rows; unordered, it need not sort them first.
    return records.order_by()[: COUNT_CAP + 1].count()
