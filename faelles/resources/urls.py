from django.urls import path

from . import certificate_views, collaboration_views, proposal_views, views

app_name = "resources"
urlpatterns = [
    path("", views.listing_list, name="list"),
    path("kort/", views.listing_map, name="map"),
    path("mine/", views.my_listings, name="mine"),
    path("opret/ressource/", views.listing_create_offer, name="create_offer"),
    path("opret/behov/", views.listing_create_need, name="create_need"),
    path("<id:pk>/", views.listing_detail, name="detail"),
    path("<id:pk>/match/", views.listing_matches, name="matches"),
    path("<id:pk>/mine-match/", views.my_listing_matches, name="my_matches"),
    path("<id:pk>/rediger/", views.listing_edit, name="edit"),
    path("<id:pk>/forny/", views.listing_renew, name="renew"),
    path("<id:pk>/luk/", views.listing_close, name="close"),
    path("<id:pk>/jeg-kan-hjaelpe/", views.listing_respond, name="respond"),
    path(
        "<id:pk>/spoerg-kommunen/",
        views.listing_ask_facilitator,
        name="ask_facilitator",
    ),
    path("foreslaa/", proposal_views.proposal_suggest, name="suggest"),
    path("formidling/", proposal_views.facilitation_queue, name="queue"),
    path("forslag/<id:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("forslag/<id:pk>/ja/", proposal_views.proposal_accept, name="proposal_accept"),
    path(
        "forslag/<id:pk>/nej/",
        proposal_views.proposal_decline,
        name="proposal_decline",
    ),
    path(
        "forslag/<id:pk>/bekraeft/",
        proposal_views.proposal_confirm,
        name="proposal_confirm",
    ),
    path(
        "forslag/<id:pk>/afvis/",
        proposal_views.proposal_dismiss,
        name="proposal_dismiss",
    ),
    path(
        "forloeb/<id:pk>/",
        collaboration_views.collaboration_detail,
        name="collaboration",
    ),
    path(
        "forloeb/<id:pk>/besked/",
        collaboration_views.collaboration_message,
        name="collaboration_message",
    ),
    path(
        "forloeb/<id:pk>/status/",
        collaboration_views.collaboration_status,
        name="collaboration_status",
    ),
    path(
        "forloeb/<id:pk>/timer/",
        collaboration_views.collaboration_hours,
        name="collaboration_hours",
    ),
    path(
        "forloeb/<id:pk>/tilbagemelding/",
        collaboration_views.collaboration_feedback,
        name="collaboration_feedback",
    ),
    path("boerneattest/", certificate_views.certificate_list, name="certificates"),
    path(
        "boerneattest/<id:pk>/slet/",
        certificate_views.certificate_revoke,
        name="certificate_revoke",
    ),
]
