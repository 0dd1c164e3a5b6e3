"""The page editor writes in the page's language: an Arabic page is edited right to left.

Wagtail lays its editor out in the editor's own language and leaves the content fields to it,
so an Arabic page edited in French was typed left to right (and a French page edited in
Arabic, right to left). Text fields get the page's `lang` and `dir`, the rich text editor its
direction. StreamField blocks are drawn in the browser from a definition shared by every page:
`static/css/cms_editor.css` gives their text fields the direction of the title.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

# Not prose: a page's address keeps its own direction.
UNDIRECTED_FIELDS = frozenset({"slug"})


class ContentLanguagePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        # Imported here: the rich text editor's module reads the page model, which our page
        # models (importing this form) are still defining.
        from wagtail.admin.rich_text import DraftailRichTextArea

        super().__init__(*args, **kwargs)
        if self.instance.locale_id is None:
            return
        locale = self.instance.locale
        direction = "rtl" if locale.is_bidi else "ltr"
        for name, field in self.fields.items():
            widget = field.widget
            if name in UNDIRECTED_FIELDS:
                continue
            if isinstance(widget, DraftailRichTextArea):
                # Options are shared by every form of the class; this form gets its own.
                widget.options = {**widget.options, "textDirectionality": direction.upper()}
            elif not isinstance(widget, forms.TextInput | forms.Textarea):
                continue
            widget.attrs.update(lang=locale.language_code, dir=direction)
