from django.urls import path

from . import award_views, views

app_name = "recognition"
urlpatterns = [
    path("", views.celebrate, name="celebrate"),
    path("tak/", views.thanks, name="thanks"),
    path("tak/person/<id:user_id>/", views.thank_person, name="thank_person"),
    path("tak/<id:pk>/samtykke/", views.thanks_consent, name="thanks_consent"),
    path("tak/<id:pk>/slet/", views.thanks_delete, name="thanks_delete"),
    path("priser/", award_views.awards, name="awards"),
    path("priser/ny/", award_views.award_create, name="award_create"),
    path("priser/<id:pk>/", award_views.award_detail, name="award"),
    path("priser/<id:pk>/rediger/", award_views.award_update, name="award_update"),
    path("priser/<id:pk>/jury/vaelg/", award_views.jury_set, name="jury_set"),
    path(
        "priser/<id:pk>/offentliggoer/", award_views.award_publish, name="award_publish"
    ),
    path("priser/<id:pk>/nominer/", award_views.nominate, name="nominate"),
    path(
        "priser/<id:pk>/nomineringer/<id:nomination_pk>/traek-tilbage/",
        award_views.nomination_withdraw,
        name="nomination_withdraw",
    ),
    path("priser/<id:pk>/jury/", award_views.jury, name="jury"),
    path(
        "priser/<id:pk>/jury/<id:nomination_pk>/bedoem/",
        award_views.score,
        name="score",
    ),
    path(
        "priser/<id:pk>/jury/<id:nomination_pk>/vinder/",
        award_views.winner_record,
        name="winner_record",
    ),
    path(
        "priser/<id:pk>/jury/vinder/<id:winner_pk>/fjern/",
        award_views.winner_remove,
        name="winner_remove",
    ),
    path("priser/<id:pk>/uddel/", award_views.announce, name="announce"),
    path(
        "priser/<id:pk>/vinder/<id:winner_pk>/samtykke/",
        views.winner_consent,
        name="winner_consent",
    ),
]
