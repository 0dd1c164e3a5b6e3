"""Admin wiring of the public site: office staff see who registered for which event; the page
editor writes in the page's language (cms/page_forms.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventRegistration


class EventRegistrationViewSet(SnippetViewSet):
    model = EventRegistration
    icon = "date"
    menu_label = _("Event registrations")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["user", "status", "event_key", "queued_at", "updated_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    # Registrations change only through cms.services (waiting list, emails, history).
    copy_view_enabled = False

    def get_queryset(self, request):
        return EventRegistration.objects.select_related("user")


register_snippet(EventRegistrationViewSet)


@hooks.register("insert_global_admin_css")
def content_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/cms_editor.css"))
