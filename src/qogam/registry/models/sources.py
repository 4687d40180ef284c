"""Where data came from, and registry-wide settings (such as "this is demo data")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataSource(models.Model):
    """One delivery of data: a BNS register export, an NGO-database file, staff edits…"""

    class Kind(models.TextChoices):
        BNS = "bns", _("Bureau of National Statistics register")
        NGO_DATABASE = "ngo_db", _("NGO database submissions")
        GENERIC = "generic", _("Other file")
        STAFF = "staff", _("Staff edit")
        CHARTER = "charter", _("Charter")
        DEMO = "demo", _("Demo data")

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    as_of = models.DateField(null=True, blank=True, help_text="Date the data describes")
    url = models.URLField(blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("data source")
        verbose_name_plural = _("data sources")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class RegistrySetting(models.Model):
    """A key/value row; ``demo`` marks a database loaded by ``qogam demo``."""

    DEMO = "demo"

    key = models.CharField(max_length=60, primary_key=True)
    value = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("registry setting")
        verbose_name_plural = _("registry settings")

    def __str__(self) -> str:
        return self.key

    @classmethod
    def get(cls, key: str, default=None):
        row = cls.objects.filter(key=key).first()
        return row.value if row else default

    @classmethod
    def put(cls, key: str, value) -> None:
        cls.objects.update_or_create(key=key, defaults={"value": value})
