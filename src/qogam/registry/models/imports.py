"""A run of an importer: what file, how far it got, what it did — so a killed run can resume."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .sources import DataSource


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("running or interrupted")
        COMPLETED = "completed", _("completed")
        FAILED = "failed", _("failed")

    kind = models.CharField(max_length=20)  # "bns", "filings", "generic"
    file_name = models.CharField(max_length=500)
    file_sha256 = models.CharField(max_length=64, db_index=True)
    file_size = models.BigIntegerField(default=0)
    options = models.JSONField(default=dict, blank=True)
    source = models.ForeignKey(DataSource, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    rows_total = models.IntegerField(null=True, blank=True)
    rows_done = models.IntegerField(default=0)  # rows committed; a resumed run starts after them
    counts = models.JSONField(default=dict, blank=True)  # {"added": n, "changed": n, …}
    reasons = models.JSONField(default=dict, blank=True)  # {reason: {"count": n, "examples": [...]}}
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.status})"
