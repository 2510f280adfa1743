from django.urls import path

from . import views

app_name = "guides"
# The FAQ page ("guides:faq") filters with the site search, so careerpath serves it and adds it
# to this namespace (careerpath/urls.py).
urlpatterns = [
    path("faq/<slug:slug>/", views.faq_question, name="faq-question"),
    path("guides/", views.guide_index, name="index"),
    path("guides/<slug:slug>/", views.guide_detail, name="detail"),
    # The update builder belongs to the guide that teaches the update.
    path(
        "guides/working-with-senior-management/update/",
        views.update_builder,
        name="update",
    ),
    path(
        "guides/working-with-senior-management/update/update.pdf",
        views.update_pdf,
        name="update-pdf",
    ),
]
