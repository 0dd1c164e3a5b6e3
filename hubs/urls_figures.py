from django.urls import path, register_converter

from .views import figures


class ExportFormat:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export_format")

figures_urlpatterns = [
    path("figures/", figures.national, name="figures"),
    path("figures/export/<export_format:fmt>/", figures.national_export, name="figures_export"),
    path("figures/regions/<str:code>/", figures.region, name="figures_region"),
    path(
        "figures/regions/<str:code>/export/<export_format:fmt>/",
        figures.region_export,
        name="figures_region_export",
    ),
    path("figures/hubs/<slug:slug>/", figures.hub, name="figures_hub"),
    path(
        "figures/hubs/<slug:slug>/export/<export_format:fmt>/",
        figures.hub_export,
        name="figures_hub_export",
    ),
]
