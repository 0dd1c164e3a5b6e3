"""Reference data of company creation, edited by office staff in the Django admin."""

from django.contrib import admin

from .models import CompanyDelay, CompanyRequest, LegalForm, NameWord


@admin.register(LegalForm)
class LegalFormAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fr", "liability", "minimum_capital", "min_partners",
                    "max_partners", "active", "order"]  # fmt: skip
    list_editable = ["active", "order"]


@admin.register(NameWord)
class NameWordAdmin(admin.ModelAdmin):
    list_display = ["word", "kind", "reason"]
    list_filter = ["kind"]
    search_fields = ["word"]


@admin.register(CompanyDelay)
class CompanyDelayAdmin(admin.ModelAdmin):
    list_display = ["key", "days"]


@admin.register(CompanyRequest)
class CompanyRequestAdmin(admin.ModelAdmin):
    """Read-only: every change of status goes through the service and leaves an event."""

    list_display = ["__str__", "name_1", "status", "status_changed_at"]
    list_filter = ["status"]
    list_select_related = ["case"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
