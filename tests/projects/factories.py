import datetime

import factory

from projects.models import Assignment, Task
from tests.org.factories import HomeCountyFactory, OrganisationFactory


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    county = factory.SubFactory(HomeCountyFactory)
    title = factory.Sequence(lambda n: f"第{n}项整改任务")
    as_of = datetime.date(2025, 1, 1)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    task = factory.SubFactory(TaskFactory)
    organisation = factory.SubFactory(OrganisationFactory)
