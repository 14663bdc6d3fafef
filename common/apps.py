from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Cross-cutting pieces every app may use: list views, health check, template filters. No models."""

    name = "common"

    def ready(self):
        from . import tables_signature

        tables_signature.install()
