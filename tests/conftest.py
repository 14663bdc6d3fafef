import pytest
from django.utils import translation

from org import roles
from tests.org.factories import HomeCountyFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _own_cache(settings, request):
    """Each test an empty cache of its own, in memory: nothing cached by one test (the lights' settings) shows
    in another, and a demo running from this checkout keeps its file cache in var/."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": request.node.nodeid}
    }


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the site's language: a request with the language cookie leaves its language active in the
    thread, where text translated outside a request (the sheet readers' messages) would follow it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _emails_unpaced(settings):
    """Reminder e-mails go out at once in tests; tests/projects/test_reminder_pace.py tests the pace."""
    settings.REMINDER_EMAILS_PER_MINUTE = 0


@pytest.fixture
def county(db):
    return HomeCountyFactory()


@pytest.fixture
def finance(county):
    return OrganisationFactory(name="兴县财政局", short_name="县财政局", parent=county, sort_order=1)


@pytest.fixture
def water(county):
    return OrganisationFactory(name="兴县水利局", short_name="县水利局", parent=county, sort_order=2)


@pytest.fixture
def data_manager(db):
    return UserFactory(role=roles.DATA_MANAGER)


@pytest.fixture
def supervisor(db):
    return UserFactory(role=roles.SUPERVISOR)


@pytest.fixture
def finance_staff(finance):
    return UserFactory(role=roles.UNIT_STAFF, units=[finance])


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def celery_eager():
    """Tasks run where they are queued, as a worker would run them right after."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
