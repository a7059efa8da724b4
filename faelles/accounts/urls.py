from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("rediger/", views.profile_edit, name="profile_edit"),
    path("mine-data/", views.data_export, name="data_export"),
    path("slet-konto/", views.account_delete_view, name="delete"),
]

tenant_urlpatterns = [
    path("<id:user_id>/", views.person_detail, name="person_detail"),
]
