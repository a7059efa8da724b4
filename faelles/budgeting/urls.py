from django.urls import path

from . import views

app_name = "budgeting"
urlpatterns = [
    path("", views.round_list_view, name="list"),
    path("ny/", views.round_create, name="create"),
    path("importer/", views.round_import, name="import"),
    path("<int:pk>/", views.round_detail, name="detail"),
    path("<int:pk>/rediger/", views.round_edit, name="edit"),
    path("<int:pk>/fase/", views.round_phase, name="phase"),
    path("<int:pk>/foreslaa/", views.project_propose, name="propose"),
    path("<int:pk>/stem/", views.ballot, name="ballot"),
    path("<int:pk>/papirstemmer/", views.paper_ballot, name="paper_ballot"),
    path("<int:pk>/resultat/", views.results, name="results"),
    path("<int:pk>/pabulib.pb", views.export, name="export"),
    path("projekter/<int:pk>/", views.project_detail, name="project_detail"),
    path("projekter/<int:pk>/vurdering/", views.project_review, name="project_review"),
    path("projekter/<int:pk>/opdatering/", views.project_update, name="project_update"),
]
