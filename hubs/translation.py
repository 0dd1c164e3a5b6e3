"""Reference data of the network in French, Arabic and English (django-modeltranslation).

`hub.name` reads in the active language and falls back to French; each field gets `name_fr`,
`name_ar` and `name_en` columns, edited side by side in the admin.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Chamber, Hub, Region
from .models.labelling import Criterion


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("seat",)


@register(Chamber)
class ChamberTranslation(TranslationOptions):
    fields = ("name", "city")


@register(Hub)
class HubTranslation(TranslationOptions):
    fields = ("name", "city", "address", "opening_hours")


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("title",)
