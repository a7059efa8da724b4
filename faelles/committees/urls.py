from django.urls import path

from . import views

app_name = "committees"
urlpatterns = [
    path("", views.committee_list, name="list"),
    path("nyt/", views.committee_create, name="create"),
    path("<id:pk>/", views.committee_detail, name="detail"),
    path("<id:pk>/rediger/", views.committee_edit, name="edit"),
    path("<id:pk>/fase/", views.committee_phase, name="phase"),
    path("<id:pk>/soeg/", views.apply, name="apply"),
    path("<id:pk>/soeg/tilbage/", views.application_withdraw, name="withdraw"),
    path("<id:pk>/udvaelgelse/", views.selection, name="selection"),
    path("<id:pk>/nyt-moede/", views.meeting_create, name="meeting_create"),
    path(
        "<id:pk>/ny-anbefaling/",
        views.recommendation_create,
        name="recommendation_create",
    ),
    path("medlemmer/<id:pk>/fjern/", views.member_remove, name="member_remove"),
    path("lodtraekning/<id:pk>/", views.draw_detail, name="draw"),
    path("lodtraekning/<id:pk>/pulje.csv", views.draw_pool_csv, name="draw_pool"),
    path("lodtraekning/<id:pk>/kvoter.csv", views.draw_quotas_csv, name="draw_quotas"),
    path("moeder/<id:pk>/", views.meeting_detail, name="meeting"),
    path("moeder/<id:pk>/rediger/", views.meeting_edit, name="meeting_edit"),
    path("moeder/<id:pk>/referat/", views.minutes, name="minutes"),
    path("moeder/<id:pk>/dokument/", views.document_upload, name="document_upload"),
    path("dokumenter/<id:pk>/", views.document_download, name="document"),
    path("anbefalinger/<id:pk>/", views.recommendation_detail, name="recommendation"),
    path(
        "anbefalinger/<id:pk>/rediger/",
        views.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "anbefalinger/<id:pk>/beslutning/",
        views.recommendation_decide,
        name="decide",
    ),
    path(
        "anbefalinger/<id:pk>/ny-opfoelgning/",
        views.action_create,
        name="action_create",
    ),
    path("opfoelgning/<id:pk>/", views.action_detail, name="action"),
    path("opfoelgning/<id:pk>/milepael/", views.milestone_add, name="milestone_add"),
    path("milepaele/<id:pk>/naaet/", views.milestone_reach, name="milestone_reach"),
    path("politikere/<id:user_id>/", views.politician_detail, name="politician"),
]
