from django.urls import path

from . import views

app_name = "workplace"
urlpatterns = [
    path("", views.index, name="index"),
    path("antal/", views.count, name="count"),
    path("internt/", views.staff_only, name="staff_only"),
]
