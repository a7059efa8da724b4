"""Movements (bevægelser) have their own address, /<slug>/bevaegelser/, and URL
namespace, so the menu marks them apart from communities."""

from django.urls import path

from . import movement_views

app_name = "movements"
urlpatterns = [
    path("", movement_views.movement_list, name="list"),
    path("ny/", movement_views.movement_create, name="create"),
    path(
        "<id:pk>/",
        movement_views.movement_detail,
        name="detail",
    ),
    path(
        "<id:pk>/loefte/",
        movement_views.movement_pledge,
        name="pledge",
    ),
    path(
        "<id:pk>/fortryd/",
        movement_views.movement_withdraw,
        name="withdraw",
    ),
    path(
        "<id:pk>/handling/",
        movement_views.movement_action,
        name="action",
    ),
    path(
        "<id:pk>/hold/",
        movement_views.movement_team,
        name="team",
    ),
]
