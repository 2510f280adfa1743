"""A page that answers as a plan does (`Cache-Control: private, no-store`), for the cache tests."""

from django.http import HttpResponse
from django.urls import path

from common.http import query_params


@query_params()
def private_page(request):
    response = HttpResponse("<p>Your plan</p>")
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [path("mine/", private_page)]
