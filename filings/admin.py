from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    Case,
    CaseEvent,
    FeeGrid,
    GoodsServicesTerm,
    NiceClass,
    RegisterMark,
    ServiceLevelTarget,
)


@admin.register(FeeGrid)
class FeeGridAdmin(TranslationAdmin):
    list_display = [
        "name",
        "effective_date",
        "online_first_class",
        "online_each_further_class",
        "paper_first_class",
        "paper_each_further_class",
        "is_active",
    ]
    list_filter = ["is_active"]


class TermInline(TranslationTabularInline):
    model = GoodsServicesTerm
    extra = 0


@admin.register(NiceClass)
class NiceClassAdmin(TranslationAdmin):
    list_display = ["number", "heading_fr", "heading_ar", "heading_en"]
    search_fields = ["heading_fr", "heading_ar", "heading_en"]
    inlines = [TermInline]


@admin.register(RegisterMark)
class RegisterMarkAdmin(admin.ModelAdmin):
    list_display = ["number", "mark", "nice_classes", "owner", "status", "filing_date"]
    search_fields = ["=number"]
    list_filter = ["status", "script"]
    show_full_result_count = False
    readonly_fields = ["key_visual", "key_phonetic", "key_phonetic_sorted", "key_skeleton"]


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    readonly_fields = [
        "at", "actor", "kind", "subject", "from_status", "to_status", "note", "details"
    ]  # fmt: skip

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title", "owner", "hub", "advisor", "created_at"]
    list_select_related = ["owner", "hub", "advisor"]
    raw_id_fields = ["owner", "advisor"]
    inlines = [CaseEventInline]


from . import admin_company  # noqa: E402, F401 -- company-creation reference data


@admin.register(ServiceLevelTarget)
class ServiceLevelTargetAdmin(admin.ModelAdmin):
    list_display = ["item", "hub", "hours", "effective_from", "source"]
    list_filter = ["item"]
