from .urls_booking import booking_urlpatterns
from .urls_figures import figures_urlpatterns
from .urls_labelling import labelling_urlpatterns

app_name = "hubs"

urlpatterns: list = [*booking_urlpatterns, *labelling_urlpatterns, *figures_urlpatterns]
