from django.urls import path

from . import views

app_name = "certifications"
urlpatterns = [
    path("", views.catalogue, name="index"),
    path("compare/", views.compare, name="compare"),
    path("<slug:slug>/", views.certification_detail, name="detail"),
]
