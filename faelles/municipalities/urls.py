from django.urls import path

from faelles.organisations import views as organisation_views

from . import theme_views, views

app_name = "municipalities"
urlpatterns = [
    path("", views.municipality_home, name="home"),
    path("tema.css", views.theme_css, name="theme_css"),
    path("bliv-medlem/", views.join, name="join"),
    path("administration/", views.manage_settings, name="manage_settings"),
    path("administration/personer/", views.manage_people, name="manage_people"),
    path(
        "administration/personer/<id:membership_id>/",
        views.manage_person,
        name="manage_person",
    ),
    path(
        "administration/afdelinger/",
        organisation_views.manage_departments,
        name="manage_departments",
    ),
    path(
        "administration/afdelinger/<slug:slug>/slet/",
        organisation_views.department_delete_view,
        name="department_delete",
    ),
    path("administration/log/", views.manage_audit, name="manage_audit"),
    path("administration/temaer/", theme_views.manage_themes, name="manage_themes"),
    path(
        "administration/temaer/<id:pk>/",
        theme_views.theme_edit,
        name="theme_edit",
    ),
    path(
        "administration/temaer/<id:pk>/flyt/",
        theme_views.theme_move,
        name="theme_move",
    ),
    path(
        "administration/temaer/<id:pk>/slet/",
        theme_views.theme_delete,
        name="theme_delete",
    ),
    path(
        "administration/temaer/<id:pk>/indsatsomraader/",
        theme_views.focus_area_create,
        name="focus_area_create",
    ),
    path(
        "administration/indsatsomraader/<id:pk>/",
        theme_views.focus_area_edit,
        name="focus_area_edit",
    ),
]
