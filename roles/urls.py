from django.urls import path

from . import views

app_name = "roles"
urlpatterns = [
    path("", views.role_index, name="index"),
]
