"""accounts.backends.ModelBackendOneQuery: a user's permissions, their own and their groups', as Django's
ModelBackend gives them, in one query."""

import pytest
from django.contrib.auth import authenticate, get_backends
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from accounts.backends import ModelBackendOneQuery
from tests.org.factories import UserFactory

pytestmark = pytest.mark.django_db


def _permission(codename):
    return Permission.objects.get(codename=codename)


@pytest.fixture
def user():
    user = UserFactory()
    user.user_permissions.add(_permission("add_task"))
    group = Group.objects.create(name="测试组")
    group.permissions.add(_permission("add_issue"), _permission("add_task"))
    user.groups.add(group)
    return user


def test_own_and_group_permissions_in_one_query(user, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = ModelBackendOneQuery().get_all_permissions(user)
    assert found == {"projects.add_task", "gazette.add_issue"}
    assert found == ModelBackend().get_all_permissions(type(user).objects.get(pk=user.pk))


def test_asked_again_on_the_same_request_no_query(user, django_assert_num_queries):
    backend = ModelBackendOneQuery()
    backend.get_all_permissions(user)
    with django_assert_num_queries(0):
        assert backend.has_perm(user, "gazette.add_issue")
        assert not backend.has_perm(user, "gazette.delete_issue")


def test_a_superuser_has_every_permission(user):
    user.is_superuser = True
    assert len(ModelBackendOneQuery().get_all_permissions(user)) == Permission.objects.count()


def test_an_inactive_user_and_an_object_get_none(user):
    assert ModelBackendOneQuery().get_all_permissions(user, obj=object()) == set()
    user.is_active = False
    assert ModelBackendOneQuery().get_all_permissions(user) == set()


def test_the_site_signs_in_and_checks_permissions_with_it(rf, user):
    backends = [type(backend) for backend in get_backends()]
    assert ModelBackendOneQuery in backends and ModelBackend not in backends
    user.set_password("另一个口令-2026")
    user.save()
    assert authenticate(rf.post("/login/"), username=user.username, password="另一个口令-2026") == user
