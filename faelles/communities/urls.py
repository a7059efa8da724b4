from django.urls import path

from . import views

app_name = "communities"
urlpatterns = [
    path("", views.community_list, name="list"),
    path("mine/", views.my_communities, name="mine"),
    path("nyt/", views.community_create, name="create"),
    path("henvisninger/", views.referral_list, name="referrals"),
    path("<id:pk>/", views.community_detail, name="detail"),
    path("<id:pk>/rediger/", views.community_edit, name="edit"),
    path("<id:pk>/meld-ind/", views.community_join, name="join"),
    path("<id:pk>/meld-ud/", views.community_leave, name="leave"),
    path("<id:pk>/kontakt/", views.community_contact, name="contact"),
    path("<id:pk>/anmodninger/", views.community_decide, name="decide"),
    path("<id:pk>/inviter/", views.community_invite, name="invite"),
    path("<id:pk>/vaerter/", views.community_host, name="host"),
    path("<id:pk>/tavle/", views.post_create, name="post_create"),
    path("<id:pk>/tavle/<id:post_pk>/slet/", views.post_delete, name="post_delete"),
    path("<id:pk>/filer/", views.file_upload, name="file_upload"),
    path("<id:pk>/filer/<id:file_pk>/", views.file_download, name="file_download"),
    path("<id:pk>/henvis/", views.referral_create, name="refer"),
    path("<id:pk>/nej-tak/", views.referral_decline, name="referral_decline"),
]
