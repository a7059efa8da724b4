from django.urls import path

from . import views

app_name = "leadership"
urlpatterns = [
    path("", views.page, name="page"),
    path("maal/nyt/", views.goal_create, name="goal_create"),
    path("maal/<id:pk>/", views.goal_detail, name="goal"),
    path("maal/<id:pk>/rediger/", views.goal_edit, name="goal_edit"),
    path("maal/<id:pk>/opfoelgning/", views.check_in, name="check_in"),
]
