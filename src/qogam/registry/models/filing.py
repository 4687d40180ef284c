"""Yearly submissions to the NGO database (NPO Law Art. 41 п.5)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from .organization import Organization
from .sources import DataSource


def filing_deadline(year: int) -> dt.date:
    """Data about a year are due by 31 March of the next year (Art. 41 п.5)."""
    return dt.date(year + 1, 3, 31)


class Filing(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="filings")
    year = models.SmallIntegerField(_("reporting year"))
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    income = models.DecimalField(_("income, KZT"), max_digits=18, decimal_places=2, null=True, blank=True)
    expenses = models.DecimalField(_("expenses, KZT"), max_digits=18, decimal_places=2, null=True, blank=True)
    assets = models.DecimalField(_("property, KZT"), max_digits=18, decimal_places=2, null=True, blank=True)
    income_sources = models.JSONField(_("sources of money"), default=dict, blank=True)  # {code: amount}
    expense_directions = models.JSONField(_("directions of spending"), default=dict, blank=True)
    beneficiaries = models.IntegerField(_("beneficiaries"), null=True, blank=True)
    staff = models.IntegerField(_("staff"), null=True, blank=True)
    volunteers = models.IntegerField(_("volunteers"), null=True, blank=True)
    founders = models.JSONField(_("founders"), default=list, blank=True)
    source = models.ForeignKey(DataSource, null=True, blank=True, on_delete=models.SET_NULL)
    as_of = models.DateField(null=True, blank=True, help_text="Date of the data this row came from")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["organization", "year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="registry_filing_org_year"),
        ]
        indexes = [models.Index(fields=["year"], name="registry_filing_year")]

    def __str__(self) -> str:
        return f"{self.organization_id} / {self.year}"

    @property
    def deadline(self) -> dt.date:
        return filing_deadline(self.year)

    @property
    def on_time(self) -> bool | None:
        if not self.submitted_on:
            return None
        return self.submitted_on <= self.deadline
