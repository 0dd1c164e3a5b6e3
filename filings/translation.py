"""Reference data of the filings in French, Arabic and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import FeeGrid, GoodsServicesTerm, LegalForm, NiceClass


@register(LegalForm)
class LegalFormTranslation(TranslationOptions):
    fields = ("name", "explanation")


@register(NiceClass)
class NiceClassTranslation(TranslationOptions):
    fields = ("heading",)


@register(GoodsServicesTerm)
class GoodsServicesTermTranslation(TranslationOptions):
    fields = ("term",)


@register(FeeGrid)
class FeeGridTranslation(TranslationOptions):
    fields = ("name", "source")
