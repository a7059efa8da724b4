from django.urls import path

from . import views

app_name = "competences"
urlpatterns = [
    path("", views.index, name="index"),
    path("min-profil/", views.profile_edit, name="profile_edit"),
    path("min-profil/slet/", views.profile_delete, name="profile_delete"),
    path(
        "min-profil/slet-erfaringer/",
        views.experience_delete,
        name="experience_delete",
    ),
    path("spoerg-alle/", views.ask_anyone, name="ask_anyone"),
    path("spoergsmaal/", views.questions, name="questions"),
    path("spoergsmaal/<id:pk>/", views.question, name="question"),
    path("spoergsmaal/<id:pk>/svar/", views.answer, name="answer"),
    path("spoergsmaal/<id:pk>/afslaa/", views.decline, name="decline"),
    path("spoergsmaal/<id:pk>/tilbage/", views.withdraw, name="withdraw"),
    path("spoergsmaal/<id:pk>/tak/", views.thank, name="thank"),
    path("<id:pk>/", views.person, name="person"),
]
