from . import labelling  # noqa: F401  (registers the labelling models)
from .booking import (  # noqa: F401
    AdvisorBookingProfile,
    Appointment,
    AppointmentHistory,
    AvailabilityException,
    AvailabilityRule,
    BookingPolicy,
    Mode,
    PublicHoliday,
    Topic,
)
from .network import Chamber, Hub, Membership, Region

__all__ = ["Chamber", "Hub", "Membership", "Region"]
