from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("my-space/", views.my_space, name="my_space"),
    path("staff/", views.staff_area, name="staff_area"),
    path("profile/", views.profile, name="profile"),
    path("profile/emails/", views.notification_preferences, name="notification_preferences"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read-all/", views.notifications_read_all, name="notifications_read_all"),
    path("notifications/<uuid:public_id>/read/", views.notification_read, name="notification_read"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("my-data/", views.personal_data, name="personal_data"),
    path("my-data/export.json", views.personal_data_json, name="personal_data_json"),
    path("my-data/export.pdf", views.personal_data_pdf, name="personal_data_pdf"),
]
