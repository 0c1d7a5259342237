from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"

    def ready(self) -> None:
        from . import caching, history

        caching.connect()
        history.connect()
