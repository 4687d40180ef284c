"""Stored census results: one row per organisation (replaced by each recompute) and the run.

The states themselves are decided by ``census.states`` (no Django); these tables only
keep the latest result so that pages and lists read it without recomputing.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from qogam.registry.models import Organization

from .definitions import STATE_CODES

STATE_CHOICES = [(code, code) for code in STATE_CODES]


class CensusRun(models.Model):
    """One recompute: its as-of date, thresholds and the numbers (the dict ``qogam census`` prints)."""

    as_of = models.DateField(_("as of"))
    computed_at = models.DateTimeField(auto_now_add=True)
    thresholds = models.JSONField(default=dict)
    result = models.JSONField(default=dict)
    data_version = models.CharField(max_length=40, blank=True)
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("census run")
        verbose_name_plural = _("census runs")
        ordering = ["-computed_at", "-id"]

    def __str__(self) -> str:
        return f"census as of {self.as_of} ({self.computed_at:%Y-%m-%d %H:%M})"


class OrganizationState(models.Model):
    """The state of one organisation in the latest run.

    The facts behind it are not stored: pages recompute them for the organisations they
    show with the run's as-of date and thresholds (``census.fresh``), which is exact
    and keeps a recompute from writing tens of megabytes.
    """

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, primary_key=True, related_name="census_state",
    )
    state = models.CharField(max_length=20, choices=STATE_CHOICES, db_index=True)
    working = models.BooleanField(default=False)
    recent_activity = models.BooleanField(default=False)
    liquidation_candidate = models.BooleanField(default=False)
    silent_years = models.SmallIntegerField(default=0)
    last_filing_year = models.SmallIntegerField(null=True, blank=True)
    flags = models.JSONField(default=list)
    flag_codes = models.CharField(max_length=200, blank=True, default="")  # ",code,code," for filtering
    # Copies of what the census counts by, so lists filter on one table.
    region = models.CharField(max_length=9, blank=True, default="")
    legal_form = models.CharField(max_length=40, blank=True, default="")
    icnpo_group = models.CharField(max_length=3, blank=True, default="")
    registration_year = models.CharField(max_length=4, blank=True, default="")
    language = models.CharField(max_length=20, blank=True, default="")

    class Meta:
        verbose_name = _("organisation state")
        verbose_name_plural = _("organisation states")
        # Few indexes: every recompute rewrites the table, and each index costs write time.
        indexes = [models.Index(fields=["region", "state"], name="census_state_region")]

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.state}"


class RegionPopulation(models.Model):
    """Residents of a first-level unit, from an imported file with its source (per-10,000 figures)."""

    region = models.CharField(_("region (KATO)"), max_length=9, primary_key=True)
    population = models.PositiveIntegerField(_("population"))
    year = models.SmallIntegerField(_("year"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=500)
    file_name = models.CharField(max_length=500, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("region population")
        verbose_name_plural = _("region populations")
        ordering = ["region"]

    def __str__(self) -> str:
        return f"{self.region}: {self.population}"
