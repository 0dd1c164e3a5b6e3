from django.urls import path

from . import views

app_name = "cms"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("events/<int:page_id>/register/", views.event_register, name="event_register"),
    path("events/<int:page_id>/cancel/", views.event_cancel, name="event_cancel"),
]
