from django.urls import path

from . import views

app_name = "opinions"
urlpatterns = [
    path("", views.map_list_view, name="list"),
    path("nyt/", views.map_create, name="create"),
    path("importer/", views.map_import, name="import"),
    path("<id:pk>/", views.map_detail, name="detail"),
    path("<id:pk>/rediger/", views.map_edit, name="edit"),
    path("<id:pk>/fase/", views.map_phase, name="phase"),
    path("<id:pk>/stem/", views.vote, name="vote"),
    path("<id:pk>/udsagn/", views.statement_add, name="statement_add"),
    path("<id:pk>/resultat/", views.results, name="results"),
    path("<id:pk>/moderation/", views.moderation, name="moderation"),
    path("<id:pk>/polis.zip", views.export, name="export"),
    path("udsagn/<id:pk>/moderer/", views.statement_moderate, name="moderate"),
]
