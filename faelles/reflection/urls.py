from django.urls import path

from . import views

app_name = "reflection"
urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.create, name="create"),
    path("spoergsmaal/", views.sets, name="sets"),
    path("spoergsmaal/nyt/", views.set_create, name="set_create"),
    path("spoergsmaal/<id:pk>/", views.set_edit, name="set_edit"),
    path("spoergsmaal/<id:pk>/slet/", views.set_delete, name="set_delete"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/fase/", views.move, name="move"),
    path("<id:pk>/del-noter/", views.share_notes, name="share_notes"),
    path("<id:pk>/faelles-svar/", views.answers, name="answers"),
    path("<id:pk>/handlinger/", views.action_add, name="action_add"),
    path(
        "<id:pk>/handlinger/<id:action_pk>/fjern/",
        views.action_remove,
        name="action_remove",
    ),
    path("<id:pk>/opfoelgning/", views.follow_up, name="follow_up"),
    path("<id:pk>/opsummering/", views.summary, name="summary"),
]
