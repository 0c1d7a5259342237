from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"

    def ready(self) -> None:
        from statements.demo import demo_loaded
        from statements.fakedata import records

        from . import caching, demo, fakedata

        caching.connect()
        demo_loaded.connect(demo.load_claims_demo, dispatch_uid="claims-demo")
        records.extend(fakedata.claims, fakedata.MODELS)
