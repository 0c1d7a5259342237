import os

from django.core.asgi import get_asgi_application

from config.settings import (
    refuse_development_key_in_production,
    refuse_to_serve_without_collected_static_files,
)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

refuse_development_key_in_production()
refuse_to_serve_without_collected_static_files()
application = get_asgi_application()
