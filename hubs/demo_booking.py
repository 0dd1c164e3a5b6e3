"""Demo availability: every advisor of a hub opens Monday to Friday mornings and afternoons."""

from datetime import date, time

from accounts.roles import Role

from .models import (
    AdvisorBookingProfile,
    AvailabilityRule,
    BookingPolicy,
    Membership,
    PublicHoliday,
    Topic,
)

# Fixed-date public holidays of Morocco; the Islamic ones move and are added each year.
FIXED_HOLIDAYS = [
    ((1, 1), "Nouvel an"),
    ((1, 11), "Manifeste de l'indépendance"),
    ((5, 1), "Fête du travail"),
    ((7, 30), "Fête du trône"),
    ((8, 14), "Oued Ed-Dahab"),
    ((8, 20), "Révolution du roi et du peuple"),
    ((8, 21), "Fête de la jeunesse"),
    ((11, 6), "Marche verte"),
    ((11, 18), "Fête de l'indépendance"),
]
HOURS = [(time(9, 0), time(12, 30)), (time(14, 0), time(16, 30))]


def load_booking() -> None:
    BookingPolicy.current()
    for year in (2026, 2027):
        for (month, day), name in FIXED_HOLIDAYS:
            PublicHoliday.objects.update_or_create(
                date=date(year, month, day), defaults={"name": name}
            )
    memberships = Membership.objects.filter(
        role__in=[Role.ADVISOR, Role.HUB_MANAGER]
    ).select_related("user", "hub")
    for membership in memberships:
        AdvisorBookingProfile.objects.get_or_create(
            advisor=membership.user,
            defaults={
                "topics": list(Topic.values),
                "video_link": "https://visio.example.ma/carres",
            },
        )
        for weekday in range(5):
            for start, end in HOURS:
                AvailabilityRule.objects.update_or_create(
                    advisor=membership.user,
                    hub=membership.hub,
                    weekday=weekday,
                    start_time=start,
                    defaults={"end_time": end, "modes": ["hub", "phone", "video"]},
                )
