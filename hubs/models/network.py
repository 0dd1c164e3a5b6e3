import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import MEMBERSHIP_ROLES
from core.regions import RegionCode


class Region(models.Model):
    code = models.CharField(_("code"), max_length=3, choices=RegionCode.choices, unique=True)
    seat = models.CharField(_("seat"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.get_code_display()


class Chamber(models.Model):
    """A CCIS, one per region, or one of its branch offices (which then has a parent)."""

    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="chambers")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branch_offices",
        verbose_name=_("parent chamber"),
    )
    city = models.CharField(_("city"), max_length=100)

    class Meta:
        ordering = ["region__code", "name"]
        verbose_name = _("chamber")
        verbose_name_plural = _("chambers")
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(parent__isnull=True),
                name="one_regional_chamber_per_region",
            )
        ]

    def __str__(self):
        return self.name


class Hub(models.Model):
    """A Carré des innovateurs space run by a chamber or one of its branch offices."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    chamber = models.ForeignKey(Chamber, on_delete=models.PROTECT, related_name="hubs")
    city = models.CharField(_("city"), max_length=100)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")

    def __str__(self):
        return self.name

    @property
    def region(self):
        return self.chamber.region


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_memberships"
    )
    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=20, choices=[(role.value, role.label) for role in MEMBERSHIP_ROLES]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "hub", "role"], name="one_membership_per_role")
        ]

    def __str__(self):
        return f"{self.user} · {self.hub} · {self.get_role_display()}"
