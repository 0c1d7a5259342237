from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"

    def ready(self) -> None:
        from statements.demo import demo_loaded

        from . import caching, demo

        caching.connect()
        demo_loaded.connect(demo.load_claims_demo, dispatch_uid="claims-demo")
