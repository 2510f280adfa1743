from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:token>/", views.detail, name="detail"),
    path("<str:token>/plan.pdf", views.plan_pdf, name="pdf"),
    path("<str:token>/plan.json", views.plan_json, name="json"),
]
