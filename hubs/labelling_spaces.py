"""The labelling sections of the staff area (office staff and chambers' hub managers)."""

from accounts.roles import is_hub_manager, is_office_staff
from accounts.spaces import Section, register_staff_area_section


def _context(user):
    if is_office_staff(user):
        return {"office": True}
    if is_hub_manager(user):
        return {"office": False}
    return None


def register() -> None:
    register_staff_area_section(
        Section(
            key="labelling",
            template="hubs/labelling/_staff_section.html",
            context=_context,
            order=50,
        )
    )
