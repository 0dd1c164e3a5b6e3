"""Demo network: the twelve regions, their CCIS and one Carré des innovateurs each."""

from decimal import Decimal

from django.utils import translation

from core.regions import REGION_SEATS, RegionCode

from .models import Chamber, Hub, Membership, Region

# (latitude, longitude) of each regional seat, for "closest hub" and the demo map.
SEAT_COORDINATES = {
    RegionCode.TANGER_TETOUAN_AL_HOCEIMA: ("35.759500", "-5.834000"),
    RegionCode.ORIENTAL: ("34.681400", "-1.908600"),
    RegionCode.FES_MEKNES: ("34.033100", "-5.000300"),
    RegionCode.RABAT_SALE_KENITRA: ("34.020900", "-6.841600"),
    RegionCode.BENI_MELLAL_KHENIFRA: ("32.337300", "-6.349800"),
    RegionCode.CASABLANCA_SETTAT: ("33.573100", "-7.589800"),
    RegionCode.MARRAKECH_SAFI: ("31.629500", "-7.981100"),
    RegionCode.DRAA_TAFILALET: ("31.931400", "-4.424400"),
    RegionCode.SOUSS_MASSA: ("30.427800", "-9.598100"),
    RegionCode.GUELMIM_OUED_NOUN: ("28.987000", "-10.057400"),
    RegionCode.LAAYOUNE_SAKIA_EL_HAMRA: ("27.125300", "-13.162500"),
    RegionCode.DAKHLA_OUED_ED_DAHAB: ("23.684800", "-15.958000"),
}


def hub_slug(code: str) -> str:
    return f"carre-{code.lower()}"


OPENING_HOURS = {
    "fr": "Lun–Ven 8h30–16h30",
    "ar": "من الاثنين إلى الجمعة، 8:30–16:30",
    "en": "Mon–Fri 8:30 am–4:30 pm",
}


def _names(code: str, language: str) -> dict[str, str]:
    """What the region's chamber and hub are called, in one language."""
    seat = REGION_SEATS[code][language]
    with translation.override(language):
        region = str(RegionCode(code).label)
    if language == "ar":
        return {
            "chamber": f"غرفة التجارة والصناعة والخدمات لجهة {region}",
            "hub": f"مربع المبتكرين — {seat}",
            "address": f"مقر الغرفة، {seat}",
            "seat": seat,
        }
    return {
        "chamber": f"CCIS {region}",
        "hub": f"Carré des innovateurs — {seat}",
        "address": f"Siège de la CCIS, {seat}"
        if language == "fr"
        else f"CCIS headquarters, {seat}",
        "seat": seat,
    }


def _translations(code: str, **fields: str) -> dict[str, str]:
    """{"name_fr": ..., "name_ar": ..., "name_en": ...} from {"name": "hub"}."""
    values = {}
    for language in OPENING_HOURS:
        names = {**_names(code, language), "opening_hours": OPENING_HOURS[language]}
        for field, key in fields.items():
            values[f"{field}_{language}"] = names[key]
    return values


def load_network() -> dict[str, Hub]:
    hubs = {}
    for code in REGION_SEATS:
        region, _ = Region.objects.update_or_create(
            code=code, defaults=_translations(code, seat="seat")
        )
        chamber, _ = Chamber.objects.update_or_create(
            region=region,
            parent=None,
            defaults=_translations(code, name="chamber", city="seat"),
        )
        latitude, longitude = SEAT_COORDINATES[code]
        hub, _ = Hub.objects.update_or_create(
            slug=hub_slug(code),
            defaults={
                **_translations(
                    code, name="hub", city="seat", address="address", opening_hours="opening_hours"
                ),
                "chamber": chamber,
                "phone": "0522000000",
                "email": f"carre.{code.lower()}@ccis.example.ma",
                "latitude": Decimal(latitude),
                "longitude": Decimal(longitude),
            },
        )
        hubs[code] = hub
    return hubs


def add_membership(*, user, hub: Hub, role: str) -> None:
    Membership.objects.get_or_create(user=user, hub=hub, role=role)
