from django.urls import path

from . import views

app_name = "budgeting"
urlpatterns = [
    path("", views.round_list_view, name="list"),
    path("ny/", views.round_create, name="create"),
    path("importer/", views.round_import, name="import"),
    path("importer/<id:pk>/", views.import_status, name="import_status"),
    path("<id:pk>/", views.round_detail, name="detail"),
    path("<id:pk>/rediger/", views.round_edit, name="edit"),
    path("<id:pk>/fase/", views.round_phase, name="phase"),
    path("<id:pk>/foreslaa/", views.project_propose, name="propose"),
    path("<id:pk>/stem/", views.ballot, name="ballot"),
    path("<id:pk>/papirstemmer/", views.paper_ballot, name="paper_ballot"),
    path("<id:pk>/resultat/", views.results, name="results"),
    path("<id:pk>/pabulib.pb", views.export, name="export"),
    path("projekter/<id:pk>/", views.project_detail, name="project_detail"),
    path("projekter/<id:pk>/vurdering/", views.project_review, name="project_review"),
    path("projekter/<id:pk>/opdatering/", views.project_update, name="project_update"),
]
