import factory

from compensation.models import CompensationScheme, ExpropriationProject, Rule, SchemeVersion


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpropriationProject

    name = factory.Sequence(lambda n: f"兴县第{n}期棚户区改造工程项目")


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompensationScheme

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"征收补偿方案{n}")


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchemeVersion

    scheme = factory.SubFactory(SchemeFactory)
    number = 1
    title = factory.LazyAttribute(lambda version: version.scheme.name)
    document_number = "兴政发〔2024〕1号"
    status = SchemeVersion.Status.IN_FORCE
    options = ["cash", "exchange", "mixed"]


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rule

    version = factory.SubFactory(VersionFactory)
    code = factory.Sequence(lambda n: f"rule-{n}")
    kind = "rate_per_m2"
    label = "搬迁补助"
    heading = "relocation"
    basis = "main_area"
    amount = 30
    unit = "元/m²"
    source_number = "兴政发〔2024〕1号"
    source_section = "八、（一）"
    source_text = "每平方米支付搬迁补助费30元。"
