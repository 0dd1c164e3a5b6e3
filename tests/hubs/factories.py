import factory

from core.regions import REGION_SEATS
from hubs.models import Chamber, Hub, Membership, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = factory.Iterator(list(REGION_SEATS))
    seat = factory.LazyAttribute(lambda region: REGION_SEATS[region.code]["fr"])


class ChamberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chamber
        # One regional chamber per region (a database constraint): reuse it.
        django_get_or_create = ["region", "parent"]

    parent = None
    region = factory.SubFactory(RegionFactory)
    name = factory.LazyAttribute(lambda chamber: f"CCIS {chamber.region.seat}")
    city = factory.LazyAttribute(lambda chamber: chamber.region.seat)


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub

    chamber = factory.SubFactory(ChamberFactory)
    name = factory.Sequence(lambda n: f"Carré des innovateurs {n}")
    slug = factory.Sequence(lambda n: f"carre-{n}")
    city = factory.LazyAttribute(lambda hub: hub.chamber.city)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    hub = factory.SubFactory(HubFactory)
    role = "advisor"
