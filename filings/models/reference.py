from django.db import models
from django.utils.translation import gettext_lazy as _


class NiceClass(models.Model):
    """One of the 45 classes of the Nice classification, with its heading in three languages."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    heading = models.CharField(_("heading"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("Nice class")
        verbose_name_plural = _("Nice classes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=45), name="nice_class_1_to_45"
            )
        ]

    def __str__(self):
        return f"{self.number} · {self.heading}"

    @property
    def is_services(self) -> bool:
        return self.number >= 35


class GoodsServicesTerm(models.Model):
    nice_class = models.ForeignKey(NiceClass, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(_("term"), max_length=300)

    class Meta:
        ordering = ["nice_class", "term_fr"]
        verbose_name = _("goods or services term")
        verbose_name_plural = _("goods and services terms")
        constraints = [
            models.UniqueConstraint(fields=["nice_class", "term_en"], name="one_term_per_class")
        ]

    def __str__(self):
        return self.term


class FeeGrid(models.Model):
    """A fee schedule as published by the office, with where it comes from and since when.

    The estimate uses the latest grid in force; older grids stay for the record.
    """

    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=500)
    effective_date = models.DateField(_("in force since"))
    online_first_class = models.DecimalField(
        _("online, first class (MAD)"), max_digits=10, decimal_places=2
    )
    online_each_further_class = models.DecimalField(
        _("online, each further class (MAD)"), max_digits=10, decimal_places=2
    )
    paper_first_class = models.DecimalField(
        _("paper, first class (MAD)"), max_digits=10, decimal_places=2
    )
    paper_each_further_class = models.DecimalField(
        _("paper, each further class (MAD)"), max_digits=10, decimal_places=2
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["-effective_date"]
        verbose_name = _("fee grid")
        verbose_name_plural = _("fee grids")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(online_first_class__gte=0)
                & models.Q(online_each_further_class__gte=0)
                & models.Q(paper_first_class__gte=0)
                & models.Q(paper_each_further_class__gte=0),
                name="fee_grid_amounts_not_negative",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.effective_date})"
