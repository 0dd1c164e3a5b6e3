from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "filings"
    verbose_name = _("Filings")

    def ready(self):
        from accounts.spaces import Section, register_my_space_section, register_staff_area_section

        from . import (
            case_meetings,
            figures,
            notifications,
            personal_data,
            sections,
            sections_company,
        )

        figures.register()
        notifications.register()
        case_meetings.register()
        personal_data.register()

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
        register_my_space_section(
            Section(
                key="filings_cases",
                template="filings/case/my_space_section.html",
                context=sections.cases_context,
                order=10,
            )
        )
        register_staff_area_section(
            Section(
                key="filings_advisor_home",
                template="filings/case/staff_area_section.html",
                context=sections.advisor_home_context,
                order=10,
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
        register_staff_area_section(
            Section(
                key="filings_document_access_log",
                template="filings/company/access_log_section.html",
                context=sections_company.access_log_context,
                order=90,
            )
        )
