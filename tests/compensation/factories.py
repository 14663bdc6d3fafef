import datetime
from decimal import Decimal

import factory

from compensation import calculator
from compensation.models import CompensationScheme, ExpropriationProject, Household, Rule, SchemeVersion
from tests.org.factories import HomeCountyFactory


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpropriationProject

    name = factory.Sequence(lambda n: f"兴县第{n}期棚户区改造工程项目")
    county = factory.SubFactory(HomeCountyFactory)


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


class HouseholdFactory(factory.django.DjangoModelFactory):
    """A surveyed household of 100 m² on one storey, under a version of its project."""

    class Meta:
        model = Household

    scheme_version = factory.SubFactory(VersionFactory)
    project = factory.LazyAttribute(lambda household: household.scheme_version.scheme.project)
    number = factory.Sequence(lambda n: f"3-{n:03d}")
    head_name = factory.Sequence(lambda n: f"王示例{n}")
    id_number = factory.Sequence(lambda n: f"14113019800101{n:04d}")
    phone = factory.Sequence(lambda n: f"1390358{n:04d}")
    address = factory.Sequence(lambda n: f"蔚汾镇示例村{n}号")
    surveyed_on = datetime.date(2024, 3, 1)
    facts = factory.LazyFunction(
        lambda: calculator.facts_to_dict(
            calculator.HouseholdFacts(option="cash", storeys=(calculator.Storey(1, Decimal("100")),))
        )
    )


def cash_or_exchange_version():
    """A version offering cash and exchange: 30 yuan per m² relocation for both, 100 per m² house value for cash.

    A household of the factory's 100 m² gets 13,000 yuan in cash, 3,000 by exchange.
    """
    version = VersionFactory(options=["cash", "exchange"])
    RuleFactory(version=version, code="relocation", amount=30)
    RuleFactory(version=version, code="cash-only", amount=100, conditions={"options": ["cash"]}, heading="house")
    return version
