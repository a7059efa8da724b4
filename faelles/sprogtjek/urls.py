from django.urls import path

from . import views

app_name = "sprogtjek"
urlpatterns = [
    path("", views.check, name="check"),
    path("ordliste/", views.entries, name="entries"),
    path("ordliste/<id:pk>/", views.entry_edit, name="entry_edit"),
    path("ordliste/<id:pk>/slet/", views.entry_delete, name="entry_delete"),
    path("statistik/", views.statistics, name="statistics"),
]
