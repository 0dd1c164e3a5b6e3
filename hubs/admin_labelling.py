"""The criteria grid, edited by office staff in the Django admin; labelling rows read-only.

A grid that is in force or already judged an application is history: editing it would change
how past applications were scored. Office staff copy it as a new version instead, edit the copy
and give it a date.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from core.admin import ReadOnlyAdmin

from .models.labelling import CriteriaGrid, Criterion, Label, LabelApplication
from .services.labelling import criteria_grid_is_locked, criteria_grid_new_version


class CriterionInline(TranslationTabularInline):
    model = Criterion
    extra = 0
    fields = ["order", "code", "title", "weight"]

    def _locked(self, obj):
        return obj is not None and criteria_grid_is_locked(obj)

    def has_add_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)


@admin.register(CriteriaGrid)
class CriteriaGridAdmin(admin.ModelAdmin):
    list_display = ["version", "in_force_from", "note", "locked"]
    inlines = [CriterionInline]
    actions = ["copy_as_new_version"]

    @admin.display(boolean=True, description=_("in force or in use"))
    def locked(self, obj):
        return criteria_grid_is_locked(obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and criteria_grid_is_locked(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and criteria_grid_is_locked(obj):
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Copy as a new version (to edit, then date)"))
    def copy_as_new_version(self, request, queryset):
        created = [
            criteria_grid_new_version(grid=grid, actor=request.user)
            for grid in queryset.order_by("version")
        ]
        self.message_user(
            request,
            ngettext(
                "%(count)d new grid version created: edit it and set its date.",
                "%(count)d new grid versions created: edit them and set their dates.",
                len(created),
            )
            % {"count": len(created)},
            messages.SUCCESS,
        )


@admin.register(LabelApplication)
class LabelApplicationAdmin(ReadOnlyAdmin):
    list_display = ["hub", "status", "status_changed_at", "grid"]
    list_filter = ["status"]
    list_select_related = ["hub", "grid"]


@admin.register(Label)
class LabelAdmin(ReadOnlyAdmin):
    list_display = ["number", "hub", "phase", "maturity", "status", "valid_until"]
    list_filter = ["status", "phase"]
    list_select_related = ["hub"]
