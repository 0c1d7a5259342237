import os

from django.core.wsgi import get_wsgi_application

from config.settings import refuse_development_key_in_production

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

refuse_development_key_in_production()
application = get_wsgi_application()
