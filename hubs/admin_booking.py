"""Django admin for the booking data office staff keep: holidays, the cut-off, openings.

Appointments are read-only here: every change of a meeting goes through the services, which
write its history.
"""

from django.contrib import admin

from .models import (
    AdvisorBookingProfile,
    Appointment,
    AppointmentHistory,
    AvailabilityException,
    AvailabilityRule,
    BookingPolicy,
    PublicHoliday,
)


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"


@admin.register(BookingPolicy)
class BookingPolicyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "change_cutoff_hours", "updated_at"]


@admin.register(AdvisorBookingProfile)
class AdvisorBookingProfileAdmin(admin.ModelAdmin):
    list_display = ["advisor", "daily_cap"]
    exclude = ["feed_token"]
    raw_id_fields = ["advisor"]


@admin.register(AvailabilityRule)
class AvailabilityRuleAdmin(admin.ModelAdmin):
    list_display = ["advisor", "hub", "weekday", "start_time", "end_time", "slot_minutes"]
    list_filter = ["hub", "weekday"]
    raw_id_fields = ["advisor"]


@admin.register(AvailabilityException)
class AvailabilityExceptionAdmin(admin.ModelAdmin):
    list_display = ["advisor", "kind", "date", "start_time", "end_time", "hub"]
    list_filter = ["kind"]
    raw_id_fields = ["advisor"]


class HistoryInline(admin.TabularInline):
    model = AppointmentHistory
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in AppointmentHistory._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "advisor", "hub", "entrepreneur", "topic", "status"]
    list_filter = ["status", "topic", "hub"]
    inlines = [HistoryInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Appointment._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
