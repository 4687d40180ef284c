"""Charter versions of an organisation: parsed fields and findings, the file only with consent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organization import Organization


class CharterVersion(models.Model):
    class Review(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    class Via(models.TextChoices):
        UPLOAD = "upload", _("uploaded by the organisation")
        STAFF = "staff", _("added by staff")
        IMPORT = "import", _("imported")
        DEMO = "demo", _("demo data")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="charters")
    version = models.PositiveSmallIntegerField(_("version"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    # The file is kept only when its owner agreed to it (``consent``).
    file = models.FileField(_("file"), upload_to="charters/%Y/", blank=True)
    consent = models.BooleanField(_("owner agreed to keep the file"), default=False)
    file_name = models.CharField(max_length=255, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    charter = models.JSONField(_("parsed fields"), default=dict, blank=True)
    findings = models.JSONField(_("findings"), default=list, blank=True)
    errors = models.PositiveSmallIntegerField(default=0)
    warnings = models.PositiveSmallIntegerField(default=0)
    checked_at = models.DateTimeField(null=True, blank=True)
    checker_version = models.CharField(max_length=40, blank=True)
    submitted_via = models.CharField(max_length=10, choices=Via.choices, default=Via.UPLOAD)
    submitter_note = models.TextField(blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING, db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        ordering = ["organization", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "version"], name="registry_charter_version"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} v{self.version}"

    @classmethod
    def next_version(cls, organization: Organization) -> int:
        last = cls.objects.filter(organization=organization).aggregate(models.Max("version"))["version__max"]
        return (last or 0) + 1
