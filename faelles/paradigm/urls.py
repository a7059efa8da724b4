from django.urls import path

from . import views

app_name = "paradigm"
urlpatterns = [
    path("", views.index, name="index"),
    path("sammenligning/", views.compare, name="compare"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/faelles/", views.agree, name="agree"),
    path("<id:pk>/luk/", views.close, name="close"),
]
