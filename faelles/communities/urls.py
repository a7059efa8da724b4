from django.urls import path

from . import views

app_name = "communities"
urlpatterns = [
    path("", views.community_list, name="list"),
    path("mine/", views.my_communities, name="mine"),
    path("nyt/", views.community_create, name="create"),
    path("henvisninger/", views.referral_list, name="referrals"),
    path("<int:pk>/", views.community_detail, name="detail"),
    path("<int:pk>/rediger/", views.community_edit, name="edit"),
    path("<int:pk>/meld-ind/", views.community_join, name="join"),
    path("<int:pk>/meld-ud/", views.community_leave, name="leave"),
    path("<int:pk>/kontakt/", views.community_contact, name="contact"),
    path("<int:pk>/anmodninger/", views.community_decide, name="decide"),
    path("<int:pk>/inviter/", views.community_invite, name="invite"),
    path("<int:pk>/vaerter/", views.community_host, name="host"),
    path("<int:pk>/tavle/", views.post_create, name="post_create"),
    path("<int:pk>/tavle/<int:post_pk>/slet/", views.post_delete, name="post_delete"),
    path("<int:pk>/filer/", views.file_upload, name="file_upload"),
    path("<int:pk>/filer/<int:file_pk>/", views.file_download, name="file_download"),
    path("<int:pk>/henvis/", views.referral_create, name="refer"),
    path("<int:pk>/nej-tak/", views.referral_decline, name="referral_decline"),
]
