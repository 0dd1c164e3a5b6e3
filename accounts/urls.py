from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("my-space/", views.my_space, name="my_space"),
    path("staff/", views.staff_area, name="staff_area"),
    path("profile/", views.profile, name="profile"),
    path("privacy/", views.privacy_notice, name="privacy"),
]
