from .urls_labelling import labelling_urlpatterns

app_name = "hubs"

urlpatterns: list = [*labelling_urlpatterns]
