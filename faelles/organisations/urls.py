from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list_view, name="list"),
    path("ny/", views.organisation_create_view, name="create"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/rediger/", views.organisation_edit, name="edit"),
    path("<slug:slug>/medlemmer/", views.organisation_members, name="members"),
    path("<slug:slug>/handl-som/", views.act_as, name="act_as"),
]
