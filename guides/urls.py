from django.urls import path

from . import views

app_name = "guides"
urlpatterns = [
    path("faq/", views.faq, name="faq"),
    path("guides/", views.guide_index, name="index"),
    path("guides/<slug:slug>/", views.guide_detail, name="detail"),
]
