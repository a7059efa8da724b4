from django.urls import path

from . import library_views, story_views, views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("ny/", views.initiative_create, name="create"),
    path("mine-opgaver/", views.worklist, name="worklist"),
    path("uden-svar/", views.awaiting_response, name="awaiting_response"),
    path("indstillinger/", views.settings_view, name="settings"),
    path("laeringsbank/", library_views.library, name="library"),
    path("historier/", story_views.story_list, name="stories"),
    path("historier/feed/", story_views.StoryFeed(), name="story_feed"),
    path("historier/<id:pk>/", story_views.story_detail, name="story"),
    path(
        "historier/<id:pk>/fotos/", story_views.story_photo_add, name="story_photo_add"
    ),
    path(
        "historier/<id:pk>/fotos/<id:photo_pk>/samtykke/",
        story_views.consent_add,
        name="consent_add",
    ),
    path("historier/<id:pk>/udgiv/", story_views.story_publish, name="story_publish"),
    path(
        "historier/<id:pk>/fotos/<id:photo_pk>/billede/",
        story_views.story_photo,
        name="story_photo",
    ),
    path("avis/", story_views.newspaper, name="newspaper"),
    path("<id:pk>/", views.initiative_detail, name="detail"),
    path("<id:pk>/rediger/", views.initiative_update, name="update"),
    path(
        "<id:pk>/aabn-for-borgere/",
        views.initiative_open_to_citizens,
        name="open_to_citizens",
    ),
    path("<id:pk>/historie/", story_views.story_create, name="story_create"),
    path(
        "historier/ny/faellesskab/<id:community_pk>/",
        story_views.story_create_for_community,
        name="story_create_community",
    ),
    path(
        "historier/ny/samarbejde/<id:collaboration_pk>/",
        story_views.story_create_for_collaboration,
        name="story_create_collaboration",
    ),
    path("historier/<id:pk>/rediger/", story_views.story_update, name="story_update"),
    path("<id:pk>/stoet/", views.support, name="support"),
    path("<id:pk>/foelg/", views.follow, name="follow"),
    path("<id:pk>/vaer-med/", views.join, name="join"),
    path("<id:pk>/kommentarer/", views.comment, name="comment"),
    path(
        "<id:pk>/kommentarer/<id:comment_pk>/skjul/",
        views.comment_hide,
        name="comment_hide",
    ),
    path("<id:pk>/facilitering/", views.facilitate, name="facilitate"),
    path("<id:pk>/fase/", views.transition, name="transition"),
    path("<id:pk>/behov/", views.need_add, name="need_add"),
    path(
        "<id:pk>/behov/<id:need_pk>/slaa-op/",
        views.need_publish,
        name="need_publish",
    ),
    path("<id:pk>/behov/<id:need_pk>/daekket/", views.need_close, name="need_close"),
    path("<id:pk>/billeder/", views.image_add, name="image_add"),
    path("<id:pk>/proevehandling/", views.trial_plan, name="trial_plan"),
    path("<id:pk>/evaluering/", views.trial_evaluate, name="trial_evaluate"),
]
