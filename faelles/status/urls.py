from django.urls import path

from . import views

app_name = "status"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("status.csv", views.export_csv, name="csv"),
    path("status.pdf", views.export_pdf, name="pdf"),
]
