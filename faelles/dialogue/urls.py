from django.urls import path

from . import views

app_name = "dialogue"
urlpatterns = [
    path("", views.hearing_list, name="list"),
    path("ny/", views.hearing_create, name="create"),
    path("moderation/", views.moderation, name="moderation"),
    path("<id:pk>/", views.hearing_detail, name="detail"),
    path("<id:pk>/rediger/", views.hearing_update, name="update"),
    path(
        "<id:pk>/afsnit/<id:paragraph_pk>/",
        views.paragraph_detail,
        name="paragraph",
    ),
    path("<id:pk>/bilag/", views.attachment_add, name="attachment_add"),
    path(
        "<id:pk>/bilag/<id:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path("<id:pk>/kommentarer/", views.comment, name="comment"),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/reaktion/",
        views.react,
        name="react",
    ),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/anmeld/",
        views.report,
        name="report",
    ),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/skjul/",
        views.hide,
        name="hide",
    ),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/gendan/",
        views.restore,
        name="restore",
    ),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/afvis-anmeldelser/",
        views.dismiss_reports,
        name="dismiss_reports",
    ),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/klage/",
        views.appeal,
        name="appeal",
    ),
    path(
        "<id:pk>/klager/<id:appeal_pk>/",
        views.appeal_decide,
        name="appeal_decide",
    ),
    path("<id:pk>/svar/", views.answer, name="answer"),
]
