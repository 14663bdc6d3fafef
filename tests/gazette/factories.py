import datetime

import factory

from gazette.models import Document, Gazette, Issue


class GazetteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gazette
        django_get_or_create = ("county", "name")

    county = "兴县"
    name = "兴县人民政府公报"


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    gazette = factory.SubFactory(GazetteFactory)
    year = 2023
    number = factory.Sequence(lambda n: n + 1)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    issue = factory.SubFactory(IssueFactory)
    series = "兴政办发"
    year = 2023
    sequence = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda d: f"{d.series}〔{d.year}〕{d.sequence}号")
    issuer = "兴县人民政府办公室"
    title = factory.Sequence(lambda n: f"关于成立第{n}个工作领导小组的通知")
    kind = "通知"
    signed = datetime.date(2023, 12, 1)
    is_public = True
