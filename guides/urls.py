from django.urls import path

from . import views

app_name = "guides"
# The FAQ page ("guides:faq") filters with the site search, so careerpath serves it and adds it
# to this namespace (careerpath/urls.py).
urlpatterns = [
    path("guides/", views.guide_index, name="index"),
    path("guides/<slug:slug>/", views.guide_detail, name="detail"),
]
