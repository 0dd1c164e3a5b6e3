from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "filings"
    verbose_name = _("Filings")

    def ready(self):
        from accounts.spaces import Section, register_my_space_section, register_staff_area_section

        from . import figures, sections, sections_company

        figures.register()

        register_my_space_section(
            Section(
                key="filings_trademarks",
                template="filings/my_space_section.html",
                context=sections.my_space_context,
                order=30,
            )
        )
        register_staff_area_section(
            Section(
                key="filings_trademark_review",
                template="filings/staff_area_section.html",
                context=sections.staff_area_context,
                order=30,
            )
        )
        register_my_space_section(
            Section(
                key="filings_companies",
                template="filings/company/my_space_section.html",
                context=sections_company.my_space_context,
                order=20,
            )
        )
        register_staff_area_section(
            Section(
                key="filings_company_queue",
                template="filings/company/staff_area_section.html",
                context=sections_company.staff_area_context,
                order=20,
            )
        )
