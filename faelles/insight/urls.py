from django.urls import path

from . import views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("intern/", views.internal, name="internal"),
    path("dem-vi-ikke-naar/", views.reach, name="reach"),
    path("befolkning/", views.population, name="population"),
    path("rapport.pdf", views.report_pdf, name="pdf"),
    path("min-alder/", views.birth_year, name="birth_year"),
]
