"""Demo network: the twelve regions, their CCIS and one Carré des innovateurs each."""

from decimal import Decimal

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


def load_network() -> dict[str, Hub]:
    hubs = {}
    for code, seat in REGION_SEATS.items():
        region, _ = Region.objects.update_or_create(code=code, defaults={"seat": seat})
        chamber, _ = Chamber.objects.update_or_create(
            region=region,
            parent=None,
            defaults={"name": f"CCIS {RegionCode(code).label}", "city": seat},
        )
        latitude, longitude = SEAT_COORDINATES[code]
        hub, _ = Hub.objects.update_or_create(
            slug=hub_slug(code),
            defaults={
                "name": f"Carré des innovateurs — {seat}",
                "chamber": chamber,
                "city": seat,
                "address": f"Siège de la CCIS, {seat}",
                "phone": "0522000000",
                "email": f"carre.{code.lower()}@ccis.example.ma",
                "latitude": Decimal(latitude),
                "longitude": Decimal(longitude),
                "opening_hours": "Lun–Ven 8h30–16h30",
            },
        )
        hubs[code] = hub
    return hubs


def add_membership(*, user, hub: Hub, role: str) -> None:
    Membership.objects.get_or_create(user=user, hub=hub, role=role)
