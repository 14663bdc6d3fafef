import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Person


class PersonTable(tables.Table):
    name = tables.Column(verbose_name=_("Name"), linkify=True)
    note = tables.Column(verbose_name=_("Note"))
    current_posts = tables.Column(verbose_name=_("Current posts"), empty_values=(), orderable=False)
    group_count = tables.Column(verbose_name=_("Groups"))

    class Meta:
        model = Person
        default = ""
        fields = ("name", "note", "current_posts", "group_count")
        order_by = ("name",)

    def value_current_posts(self, record):
        return "；".join(f"{post.organisation} {post.title}" for post in record.current_posts)

    def render_current_posts(self, record):
        return self.value_current_posts(record) or "—"
