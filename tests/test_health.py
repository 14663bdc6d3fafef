import pytest
from django.conf import settings


@pytest.mark.django_db
def test_health_reports_database_and_broker_without_login(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "ok",
        "reminders": {"status": "ok", "last_sweep": None},
        "reminder_tick": {"status": "ok", "last_tick": None},
        "reminder_emails": {"status": "ok", "failed": 0, "stuck": 0},
    }


@pytest.mark.django_db
def test_health_fails_without_revealing_why_when_broker_is_down(client, monkeypatch):
    from kombu import Connection

    from config.celery import app

    # Nothing listens on port 1: the broker is unreachable.
    monkeypatch.setattr(app, "connection_for_write", lambda: Connection("redis://127.0.0.1:1/0"))
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert {name: body[name] for name in ("status", "database", "broker")} == {
        "status": "error",
        "database": "ok",
        "broker": "error",
    }
    assert "127.0.0.1" not in response.content.decode()
    assert settings.DATABASES["default"]["NAME"] not in response.content.decode()
