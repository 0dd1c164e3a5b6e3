from .urls_booking import booking_urlpatterns

app_name = "hubs"

urlpatterns: list = [*booking_urlpatterns]
