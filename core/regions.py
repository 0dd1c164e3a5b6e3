"""The twelve regions of Morocco (2015 division), each with the seat of its CCIS.

They are fixed by law, so they live in code; everything about them that changes (hubs,
chambers, contacts) is data in `hubs`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionCode(models.TextChoices):
    TANGER_TETOUAN_AL_HOCEIMA = "TTA", _("Tanger-Tétouan-Al Hoceïma")
    ORIENTAL = "ORI", _("L'Oriental")
    FES_MEKNES = "FME", _("Fès-Meknès")
    RABAT_SALE_KENITRA = "RSK", _("Rabat-Salé-Kénitra")
    BENI_MELLAL_KHENIFRA = "BMK", _("Béni Mellal-Khénifra")
    CASABLANCA_SETTAT = "CST", _("Casablanca-Settat")
    MARRAKECH_SAFI = "MSA", _("Marrakech-Safi")
    DRAA_TAFILALET = "DTA", _("Drâa-Tafilalet")
    SOUSS_MASSA = "SMA", _("Souss-Massa")
    GUELMIM_OUED_NOUN = "GON", _("Guelmim-Oued Noun")
    LAAYOUNE_SAKIA_EL_HAMRA = "LSH", _("Laâyoune-Sakia El Hamra")
    DAKHLA_OUED_ED_DAHAB = "DOD", _("Dakhla-Oued Ed-Dahab")


# The seat's name in French, Arabic and English (the region's own name is in the catalogues).
REGION_SEATS = {
    RegionCode.TANGER_TETOUAN_AL_HOCEIMA: {"fr": "Tanger", "ar": "طنجة", "en": "Tangier"},
    RegionCode.ORIENTAL: {"fr": "Oujda", "ar": "وجدة", "en": "Oujda"},
    RegionCode.FES_MEKNES: {"fr": "Fès", "ar": "فاس", "en": "Fez"},
    RegionCode.RABAT_SALE_KENITRA: {"fr": "Rabat", "ar": "الرباط", "en": "Rabat"},
    RegionCode.BENI_MELLAL_KHENIFRA: {"fr": "Béni Mellal", "ar": "بني ملال", "en": "Beni Mellal"},
    RegionCode.CASABLANCA_SETTAT: {"fr": "Casablanca", "ar": "الدار البيضاء", "en": "Casablanca"},
    RegionCode.MARRAKECH_SAFI: {"fr": "Marrakech", "ar": "مراكش", "en": "Marrakesh"},
    RegionCode.DRAA_TAFILALET: {"fr": "Errachidia", "ar": "الرشيدية", "en": "Errachidia"},
    RegionCode.SOUSS_MASSA: {"fr": "Agadir", "ar": "أكادير", "en": "Agadir"},
    RegionCode.GUELMIM_OUED_NOUN: {"fr": "Guelmim", "ar": "كلميم", "en": "Guelmim"},
    RegionCode.LAAYOUNE_SAKIA_EL_HAMRA: {"fr": "Laâyoune", "ar": "العيون", "en": "Laayoune"},
    RegionCode.DAKHLA_OUED_ED_DAHAB: {"fr": "Dakhla", "ar": "الداخلة", "en": "Dakhla"},
}
