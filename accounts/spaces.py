"""Sections of "My space" and of the staff area, contributed by the apps above this one.

`accounts` sits below `hubs`, `filings` and `cms`, so it cannot import them: each app
registers its sections in its `AppConfig.ready()` and this module renders whatever is there.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    # Returns the template context for this user, or None when the section does not apply.
    context: Callable[[object], dict | None]
    order: int = 100


_my_space: dict[str, Section] = {}
_staff_area: dict[str, Section] = {}


def register_my_space_section(section: Section) -> None:
    _my_space[section.key] = section


def register_staff_area_section(section: Section) -> None:
    _staff_area[section.key] = section


def _render(sections: dict[str, Section], user) -> list[dict]:
    rendered = []
    for section in sorted(sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(user)
        if context is not None:
            rendered.append({"template": section.template, "context": context})
    return rendered


def my_space_sections(user) -> list[dict]:
    return _render(_my_space, user)


def staff_area_sections(user) -> list[dict]:
    return _render(_staff_area, user)
