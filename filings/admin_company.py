"""Reference data of company creation, edited by office staff in the Django admin."""

from django.contrib import admin
from django.utils import timezone
from modeltranslation.admin import TranslationAdmin

from core.admin import ReadOnlyAdmin

from .models import (
    CompanyDelay,
    CompanyRequest,
    DocumentAccess,
    LegalForm,
    NameWord,
    RetentionPeriod,
)


@admin.register(LegalForm)
class LegalFormAdmin(TranslationAdmin):
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
class CompanyRequestAdmin(ReadOnlyAdmin):
    """Read-only: every change of status goes through the service and leaves an event."""

    list_display = ["__str__", "name_1", "status", "status_changed_at"]
    list_filter = ["status"]
    list_select_related = ["case"]


@admin.register(RetentionPeriod)
class RetentionPeriodAdmin(admin.ModelAdmin):
    """A new period is a new row with its date: the old ones stay for the record."""

    list_display = ["months", "effective_date", "source", "created_at"]

    def has_change_permission(self, request, obj=None):
        # A row already in force is history: change the rule by adding a new one.
        if obj is not None and obj.effective_date <= timezone.localdate():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.effective_date <= timezone.localdate():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(DocumentAccess)
class DocumentAccessAdmin(ReadOnlyAdmin):
    """Append-only: nobody edits or removes a trace."""

    list_display = ["accessed_at", "accessed_by", "case_reference", "document_kind", "ip_address"]
    list_filter = ["document_kind"]
    search_fields = ["case_reference"]
    list_select_related = ["accessed_by"]
