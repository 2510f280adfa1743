"""The bare floor `make bench` measures every page against: a Django project with no apps, no
middleware, no database and one view returning a constant string, served by the same gunicorn
settings as the site. Whatever a page costs above this is the site's own work."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-only",  # noqa: S106 - serves one constant string on loopback
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_floor", floor)]
application = get_wsgi_application()
