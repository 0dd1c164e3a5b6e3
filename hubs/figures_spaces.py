"""The figures section of the staff area: office staff and the hubs' managers."""

from accounts.roles import is_hub_manager, is_office_staff
from accounts.spaces import Section, register_staff_area_section


def _context(user):
    office, manager = is_office_staff(user), is_hub_manager(user)
    if not (office or manager):
        return None
    from .figures_selectors import figures_hubs_managed

    return {"office": office, "hubs": list(figures_hubs_managed(user=user)) if manager else []}


def register() -> None:
    register_staff_area_section(
        Section(
            key="figures",
            template="hubs/figures/_staff_section.html",
            context=_context,
            order=60,
        )
    )
