import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from org import roles
from org.models import CountyAccess, Organisation, OrganisationAlias, Person, Post, UnitAccess


class HomeCountyFactory(factory.django.DjangoModelFactory):
    """兴县, the county a record belongs to unless a test names another: the same one however often it is asked for."""

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = "兴县人民政府"
    short_name = "兴县"
    kind = Organisation.Kind.COUNTY


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"兴县第{n}局")
    kind = Organisation.Kind.DEPARTMENT
    # Every unit hangs below a county; a county below nothing.
    parent = factory.Maybe(
        factory.LazyAttribute(lambda unit: unit.kind != Organisation.Kind.COUNTY),
        yes_declaration=factory.SubFactory(HomeCountyFactory),
        no_declaration=None,
    )


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationAlias

    organisation = factory.SubFactory(OrganisationFactory)
    alias = factory.Sequence(lambda n: f"别名{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    county = factory.SubFactory(HomeCountyFactory)
    name = factory.Sequence(lambda n: f"张{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "局长"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("secret-pass-123")

    @factory.post_generation
    def counties(user, create, extracted, **kwargs):
        """Counties a data manager or supervisor works on; without, they see every county (a province office)."""
        user._county_limited = bool(extracted)
        for county in extracted or ():
            CountyAccess.objects.create(user=user, county=county)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))
            if extracted in (roles.DATA_MANAGER, roles.SUPERVISOR) and not user._county_limited:
                user.user_permissions.add(Permission.objects.get(codename="see_all_counties"))
            if extracted == roles.DATA_MANAGER:
                user.is_staff = True
                user.save(update_fields=["is_staff"])

    @factory.post_generation
    def units(user, create, extracted, **kwargs):
        for organisation in extracted or ():
            UnitAccess.objects.create(user=user, organisation=organisation)
