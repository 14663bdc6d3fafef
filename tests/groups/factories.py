import factory

from groups.models import LeadingGroup, Membership, Role
from tests.org.factories import HomeCountyFactory, OrganisationFactory, PersonFactory


class LeadingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadingGroup

    name = factory.Sequence(lambda n: f"兴县第{n}项工作领导小组")
    kind = LeadingGroup.Kind.LEADING_GROUP
    county = factory.SubFactory(HomeCountyFactory)
    office_host = factory.SubFactory(OrganisationFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(LeadingGroupFactory)
    role = Role.MEMBER
    person = factory.SubFactory(PersonFactory)
    title = "局长"
