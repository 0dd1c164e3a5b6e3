"""StreamField blocks of the public site, each with its template and a word for editors."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "cms/blocks/steps.html"
        help_text = _("Numbered steps, in the order the entrepreneur takes them.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "ul"])


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"))

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "cms/blocks/faq.html"
        help_text = _("Questions shown folded; visitors open the one they need.")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or web address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"
        help_text = _("One clear next step: choose a page of the site or give a web address.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or a URL."))}
            )
        return value


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("link text"), max_length=120)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "cms/blocks/document_download.html"
        help_text = _("A form or brochure to download; say what it is in the link text.")


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=30)
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)


class FiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(FigureBlock(), label=_("figures"))

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "cms/blocks/figures.html"
        help_text = _("A few figures in large print, such as delays or fees, with their unit.")


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=200,
        help_text=_("Describe the image for visitors who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"
        help_text = _("An image resized for phones, with a required description.")


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/rich_text.html"
        help_text = _("Paragraphs, headings, lists and links.")


class GuideStreamBlock(blocks.StreamBlock):
    text = RichTextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    steps = StepsBlock()
    faq = FaqBlock()
    call_to_action = CallToActionBlock()
    document = DocumentDownloadBlock()
    figures = FiguresBlock()
    image = AccessibleImageBlock()


class ArticleStreamBlock(blocks.StreamBlock):
    text = RichTextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    image = AccessibleImageBlock()
    call_to_action = CallToActionBlock()
