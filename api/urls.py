from django.urls import path

from . import views

app_name = "data"
urlpatterns = [
    path("", views.data_page, name="index"),
    path("roles-pay.csv", views.pay_download, name="pay-csv"),
    path("certifications.csv", views.certifications_download, name="certifications-csv"),
]
