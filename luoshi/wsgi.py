import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
application = get_wsgi_application()
# Import every view now rather than on the first request (under gunicorn, once before the fork).
get_resolver().url_patterns  # noqa: B018 (the access imports them)
