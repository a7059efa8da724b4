from django.urls import path

from . import views

app_name = "teams"
urlpatterns = [
    path("", views.index, name="index"),
    path("nyt/", views.create, name="create"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/ret/", views.edit, name="edit"),
    path("<id:pk>/byd-ind/", views.volunteer, name="volunteer"),
    path("<id:pk>/frivillige/<id:volunteer_pk>/", views.answer, name="answer"),
    path("<id:pk>/opslag/", views.call, name="call"),
    path("<id:pk>/start/", views.start, name="start"),
    path("<id:pk>/forlad/", views.leave, name="leave"),
    path("<id:pk>/beskeder/", views.post, name="post"),
    path("<id:pk>/filer/", views.file_upload, name="file_upload"),
    path("<id:pk>/filer/<id:file_pk>/", views.file_download, name="file_download"),
    path("<id:pk>/opgaver/", views.task_add, name="task_add"),
    path("<id:pk>/opgaver/<id:task_pk>/", views.task_done, name="task_done"),
    path("<id:pk>/afslut/", views.close, name="close"),
]
