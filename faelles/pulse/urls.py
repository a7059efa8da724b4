from django.urls import path

from . import views

app_name = "pulse"
urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.round_create, name="round_create"),
    path("resultater/", views.results, name="results"),
    path("<id:pk>/", views.answer, name="answer"),
    path("<id:pk>/luk/", views.round_close, name="round_close"),
    path("<id:pk>/eksport.csv", views.export, name="export"),
    path("sig-fra/", views.concerns, name="concerns"),
    path("sig-fra/ny/", views.concern_create, name="concern_create"),
    path("sig-fra/<uuid:pk>/", views.concern_detail, name="concern"),
    path("sig-fra/<uuid:pk>/svar/", views.concern_answer, name="concern_answer"),
    path("sig-fra/<uuid:pk>/skjul/", views.concern_hide, name="concern_hide"),
]
