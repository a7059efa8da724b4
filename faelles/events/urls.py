from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("nyt/", views.event_create, name="create"),
    path("mine/", views.my_events, name="mine"),
    path("mine/ny-kalenderadresse/", views.feed_reset, name="feed_reset"),
    path("kalender.ics", views.municipality_feed, name="municipality_feed"),
    path(
        "faellesskab/<id:pk>/kalender.ics",
        views.community_feed,
        name="community_feed",
    ),
    path("bevaegelse/<id:pk>/kalender.ics", views.movement_feed, name="movement_feed"),
    path("min-kalender/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("<id:pk>/", views.event_detail, name="detail"),
    path("<id:pk>/rediger/", views.event_edit, name="edit"),
    path("<id:pk>/tilmeld/", views.event_signup, name="signup"),
    path("<id:pk>/afmeld/", views.event_unregister, name="unregister"),
    path("<id:pk>/deltagere/", views.event_attendees, name="attendees"),
    path("<id:pk>/aflys/", views.event_cancel, name="cancel"),
    path("<id:pk>/kalender.ics", views.event_ics, name="ics"),
]
