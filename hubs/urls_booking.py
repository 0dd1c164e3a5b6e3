from django.urls import path

from .views import booking as views
from .views import calendar_link

booking_urlpatterns = [
    path("book/", views.book_start, name="book"),
    path("<slug:hub_slug>/book/", views.book_at_hub, name="book_at_hub"),
    path("<slug:hub_slug>/book/confirm/", views.book_confirm, name="book_confirm"),
    path("appointments/<uuid:public_id>/", views.appointment_detail, name="appointment_detail"),
    path(
        "appointments/<uuid:public_id>/reschedule/",
        views.appointment_reschedule,
        name="appointment_reschedule",
    ),
    path(
        "appointments/<uuid:public_id>/cancel/",
        views.appointment_cancel,
        name="appointment_cancel",
    ),
    path(
        "appointments/<uuid:public_id>/calendar.ics",
        views.appointment_ics_download,
        name="appointment_ics",
    ),
    path("appointments/<uuid:public_id>/close/", views.appointment_close, name="appointment_close"),
    path("appointments/<uuid:public_id>/notes/", views.appointment_notes, name="appointment_notes"),
    path("meeting/<str:token>/", views.appointment_manage, name="appointment_manage"),
    path(
        "meeting/<str:token>/reschedule/",
        views.appointment_reschedule,
        name="appointment_manage_reschedule",
    ),
    path("meeting/<str:token>/cancel/", views.appointment_cancel, name="appointment_manage_cancel"),
    path(
        "meeting/<str:token>/calendar.ics",
        views.appointment_ics_download,
        name="appointment_manage_ics",
    ),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/feed/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
    path("agenda/feed-reset/", calendar_link.agenda_feed_reset, name="agenda_feed_reset"),
]
