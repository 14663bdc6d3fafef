import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import LeadingGroup


class GroupTable(tables.Table):
    name = tables.Column(verbose_name=_("Name"), linkify=True)
    kind = tables.Column(verbose_name=_("Kind"))
    status = tables.Column(verbose_name=_("Status"))
    leader_name = tables.Column(verbose_name=_("Leader"), orderable=True)
    member_count = tables.Column(verbose_name=_("Members"))
    office_host = tables.Column(verbose_name=_("Office host"), order_by=("office_host__name",))
    source_document = tables.Column(
        verbose_name=_("Source document"),
        accessor="source_document__number",
        linkify=lambda record: record.source_document.get_absolute_url() if record.source_document_id else None,
    )
    established = tables.DateColumn(verbose_name=_("Established"), format="Y年n月j日")

    class Meta:
        model = LeadingGroup
        default = ""
        fields = (
            "name",
            "kind",
            "status",
            "leader_name",
            "member_count",
            "office_host",
            "source_document",
            "established",
        )
        order_by = ("name",)
