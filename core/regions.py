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


REGION_SEATS = {
    RegionCode.TANGER_TETOUAN_AL_HOCEIMA: "Tanger",
    RegionCode.ORIENTAL: "Oujda",
    RegionCode.FES_MEKNES: "Fès",
    RegionCode.RABAT_SALE_KENITRA: "Rabat",
    RegionCode.BENI_MELLAL_KHENIFRA: "Béni Mellal",
    RegionCode.CASABLANCA_SETTAT: "Casablanca",
    RegionCode.MARRAKECH_SAFI: "Marrakech",
    RegionCode.DRAA_TAFILALET: "Errachidia",
    RegionCode.SOUSS_MASSA: "Agadir",
    RegionCode.GUELMIM_OUED_NOUN: "Guelmim",
    RegionCode.LAAYOUNE_SAKIA_EL_HAMRA: "Laâyoune",
    RegionCode.DAKHLA_OUED_ED_DAHAB: "Dakhla",
}
