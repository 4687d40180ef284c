"""Dated events about an organisation that tell whether it is alive (read by the census)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .organization import Organization
from .sources import DataSource


class Signal(models.Model):
    class Kind(models.TextChoices):
        REGISTERED = "registered", _("registered")
        STATUS_CHANGE = "status_change", _("register status changed")
        HEAD_CHANGE = "head_change", _("head changed")
        NAME_CHANGE = "name_change", _("name changed")
        ADDRESS_CHANGE = "address_change", _("address changed")
        CHARTER_CHANGE = "charter_change", _("new charter version")
        FILING = "filing", _("filed to the NGO database")
        GRANT = "grant", _("state grant")
        CONTRACT = "contract", _("state social order contract")
        OTHER = "other", _("other")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="signals")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField(null=True, blank=True)
    amount = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)  # e.g. {"from": …, "to": …}
    source = models.ForeignKey(DataSource, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["organization", "-date"]
        indexes = [models.Index(fields=["organization", "kind", "date"], name="registry_signal_org_kind")]

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.kind} {self.date}"
