from django.db import models
from django.utils.translation import gettext_lazy as _


class MarkStatus(models.TextChoices):
    FILED = "filed", _("Filed")
    PUBLISHED = "published", _("Published")
    REGISTERED = "registered", _("Registered")
    OPPOSED = "opposed", _("Opposed")
    EXPIRED = "expired", _("Expired")
    REFUSED = "refused", _("Refused")


class MarkScript(models.TextChoices):
    LATIN = "latin", _("Latin")
    ARABIC = "arabic", _("Arabic")
    MIXED = "mixed", _("Mixed")


class RegisterMark(models.Model):
    """An earlier mark of the national register, with the keys the similarity search uses.

    ``nice_classes`` is stored as " 25 35 " (space-padded) so "same class" is a plain
    ``contains`` filter. The key columns are indexed by migrations 0002 (pg_trgm GIN) and 0006.
    """

    number = models.CharField(_("number"), max_length=32, unique=True)
    mark = models.CharField(_("mark"), max_length=300)
    script = models.CharField(_("script"), max_length=8, choices=MarkScript.choices)
    nice_classes = models.CharField(_("Nice classes"), max_length=200)
    owner = models.CharField(_("owner"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MarkStatus.choices)
    filing_date = models.DateField(_("filing date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    image = models.ImageField(_("image"), upload_to="register/", blank=True)

    key_visual = models.CharField(max_length=200, editable=False)
    key_phonetic = models.CharField(max_length=200, editable=False)
    key_phonetic_sorted = models.CharField(max_length=200, editable=False)
    key_skeleton = models.CharField(max_length=200, editable=False)

    class Meta:
        verbose_name = _("register mark")
        verbose_name_plural = _("register marks")
        # Plain btree indexes (models.Index, not db_index, which on PostgreSQL also builds a
        # LIKE-pattern index the search never uses).
        indexes = [
            models.Index(fields=["key_phonetic_sorted"], name="mark_phonetic_sorted_idx"),
            models.Index(fields=["key_visual"], name="mark_visual_idx"),
            models.Index(fields=["key_skeleton"], name="mark_skeleton_idx"),
        ]

    def __str__(self):
        return f"{self.number} {self.mark}"

    @property
    def class_list(self) -> list[int]:
        return [int(c) for c in self.nice_classes.split()]
