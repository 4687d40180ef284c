"""An organisation of the registry, with where each of its fields came from."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..identifiers import org_id
from ..reference import legal_forms

LEGAL_FORM_CHOICES = [(code, form.name("ru")) for code, form in legal_forms().items()]

# Fields whose source and date are tracked in ``Organization.provenance``.
TRACKED_FIELDS = (
    "name_full_ru", "name_short_ru", "name_full_kk", "name_short_kk", "legal_form",
    "territorial_status", "kato", "address", "registered_on", "oked", "head_name",
    "languages", "register_status", "icnpo_group",
)


class Organization(models.Model):
    class RegisterStatus(models.TextChoices):
        REGISTERED = "registered", _("registered")
        IN_LIQUIDATION = "in_liquidation", _("in liquidation")
        LIQUIDATED = "liquidated", _("liquidated")

    class TerritorialStatus(models.TextChoices):
        REPUBLICAN = "republican", _("republican")
        REGIONAL = "regional", _("regional")
        LOCAL = "local", _("local")

    bin = models.CharField(_("BIN"), max_length=12, unique=True)
    name_full_ru = models.CharField(_("full name (Russian)"), max_length=500)
    name_short_ru = models.CharField(_("short name (Russian)"), max_length=300, blank=True)
    name_full_kk = models.CharField(_("full name (Kazakh)"), max_length=500, blank=True)
    name_short_kk = models.CharField(_("short name (Kazakh)"), max_length=300, blank=True)
    sort_name = models.CharField(max_length=200, db_index=True, editable=False, default="")
    # The facet columns have no index of their own: searches count and filter them in memory
    # (search.columns), and each index cost every import's INSERTs about 3 % more time.
    legal_form = models.CharField(_("legal form"), max_length=40, choices=LEGAL_FORM_CHOICES)
    territorial_status = models.CharField(
        _("territorial status"), max_length=12, choices=TerritorialStatus.choices, blank=True,
    )
    kato = models.CharField(_("seat (KATO)"), max_length=9, blank=True)
    region = models.CharField(_("region (KATO)"), max_length=9, blank=True, editable=False)
    address = models.CharField(_("address"), max_length=500, blank=True)
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    registration_year = models.SmallIntegerField(null=True, blank=True, editable=False)
    oked = models.CharField(_("OKED"), max_length=6, blank=True)
    head_name = models.CharField(_("head"), max_length=300, blank=True)
    head_since = models.DateField(_("head since"), null=True, blank=True)
    icnpo_group = models.CharField(_("ICNPO group"), max_length=3, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    register_status = models.CharField(
        _("register status"), max_length=20, choices=RegisterStatus.choices,
        default=RegisterStatus.REGISTERED,
    )
    register_status_since = models.DateField(_("status since"), null=True, blank=True)
    provenance = models.JSONField(default=dict, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_name", "id"]
        indexes = [
            models.Index(fields=["region", "legal_form"], name="registry_org_region_form"),
            models.Index(fields=["registered_on"], name="registry_org_registered_on"),
        ]

    def __str__(self) -> str:
        return f"{self.name_full_ru} ({self.bin})"

    @property
    def org_id(self) -> str:
        return org_id(self.bin)

    @property
    def is_liquidated(self) -> bool:
        return self.register_status == self.RegisterStatus.LIQUIDATED

    def name(self, lang: str = "ru") -> str:
        if lang == "kk" and self.name_full_kk:
            return self.name_full_kk
        return self.name_full_ru

    def get_absolute_url(self) -> str:
        return reverse("organization", args=[self.bin])

    def refresh_derived(self) -> None:
        """Recompute the columns derived from others (region, year, sort and search text)."""
        from ..derived import derive

        derive(self)

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)


class OrganizationActivity(models.Model):
    """An ICNPO category of an organisation, with where it was inferred from."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(_("ICNPO code"), max_length=8)  # "4 100" or a group "4"
    group = models.CharField(max_length=3, db_index=True)
    share = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=30)  # "charter", "oked", "staff", "demo"
    evidence = models.TextField(blank=True)

    class Meta:
        verbose_name = _("activity category")
        verbose_name_plural = _("activity categories")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code", "source"], name="registry_activity_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.code}"
