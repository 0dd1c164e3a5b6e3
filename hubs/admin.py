from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Chamber, Hub, Membership, Region


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["code", "seat"]


@admin.register(Chamber)
class ChamberAdmin(TranslationAdmin):
    list_display = ["name", "region", "parent", "city"]
    list_select_related = ["region", "parent"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Hub)
class HubAdmin(TranslationAdmin):
    list_display = ["name", "chamber", "city", "is_active"]
    list_select_related = ["chamber"]
    prepopulated_fields = {"slug": ["name_fr"]}
    inlines = [MembershipInline]


from . import admin_labelling  # noqa: E402, F401 -- the criteria grid and labelling rows
