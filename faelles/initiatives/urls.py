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
    path("historier/<int:pk>/", story_views.story_detail, name="story"),
    path(
        "historier/<int:pk>/fotos/", story_views.story_photo_add, name="story_photo_add"
    ),
    path(
        "historier/<int:pk>/fotos/<int:photo_pk>/samtykke/",
        story_views.consent_add,
        name="consent_add",
    ),
    path("historier/<int:pk>/udgiv/", story_views.story_publish, name="story_publish"),
    path("avis/", story_views.newspaper, name="newspaper"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/rediger/", views.initiative_update, name="update"),
    path("<int:pk>/historie/", story_views.story_create, name="story_create"),
    path(
        "historier/ny/faellesskab/<int:community_pk>/",
        story_views.story_create_for_community,
        name="story_create_community",
    ),
    path(
        "historier/ny/samarbejde/<int:collaboration_pk>/",
        story_views.story_create_for_collaboration,
        name="story_create_collaboration",
    ),
    path("historier/<int:pk>/rediger/", story_views.story_update, name="story_update"),
    path("<int:pk>/stoet/", views.support, name="support"),
    path("<int:pk>/foelg/", views.follow, name="follow"),
    path("<int:pk>/vaer-med/", views.join, name="join"),
    path("<int:pk>/kommentarer/", views.comment, name="comment"),
    path(
        "<int:pk>/kommentarer/<int:comment_pk>/skjul/",
        views.comment_hide,
        name="comment_hide",
    ),
    path("<int:pk>/facilitering/", views.facilitate, name="facilitate"),
    path("<int:pk>/fase/", views.transition, name="transition"),
    path("<int:pk>/behov/", views.need_add, name="need_add"),
    path(
        "<int:pk>/behov/<int:need_pk>/slaa-op/",
        views.need_publish,
        name="need_publish",
    ),
    path("<int:pk>/behov/<int:need_pk>/daekket/", views.need_close, name="need_close"),
    path("<int:pk>/billeder/", views.image_add, name="image_add"),
    path("<int:pk>/proevehandling/", views.trial_plan, name="trial_plan"),
    path("<int:pk>/evaluering/", views.trial_evaluate, name="trial_evaluate"),
]
