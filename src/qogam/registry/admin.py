"""Staff side: registry data in Django admin, every change recorded in the audit log.

Edits made here stamp the field's provenance with ``staff:<username>`` and today's
date, so the profile page says who set a value, and importers do not overwrite it
with older data.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import admin, messages
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    AuditEntry,
    CharterVersion,
    DataSource,
    Filing,
    ImportRun,
    Organization,
    OrganizationActivity,
    RegistrySetting,
    Signal,
)
from .models.organization import TRACKED_FIELDS
from .search import bump_data_version


def _plain(value):
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | dict | str | int | float | bool) or value is None:
        return value
    return str(value)


def record(user, action: str, obj, changes: dict) -> None:
    AuditEntry.objects.create(
        user=user if user and user.is_authenticated else None,
        username=getattr(user, "username", "") or "?",
        action=action, model=obj._meta.label, object_pk=str(obj.pk), object_repr=str(obj)[:300],
        changes=changes,
    )


class AuditedAdmin(admin.ModelAdmin):
    """Writes an AuditEntry with the old and new value of every changed field."""

    def save_model(self, request, obj, form, change):
        before = {}
        if change and obj.pk:
            old = type(obj).objects.get(pk=obj.pk)
            before = model_to_dict(old, fields=form.changed_data)
        self.stamp(request, obj, form.changed_data)
        super().save_model(request, obj, form, change)
        changes = {name: [_plain(before.get(name)), _plain(form.cleaned_data.get(name))] for name in form.changed_data}
        record(request.user, AuditEntry.Action.CHANGE if change else AuditEntry.Action.ADD, obj, changes)
        bump_data_version()

    def stamp(self, request, obj, fields) -> None:
        """Hook for models that keep field provenance."""

    def delete_model(self, request, obj):
        record(request.user, AuditEntry.Action.DELETE, obj, {})
        super().delete_model(request, obj)
        bump_data_version()

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record(request.user, AuditEntry.Action.DELETE, obj, {})
        super().delete_queryset(request, queryset)
        bump_data_version()


class ActivityInline(admin.TabularInline):
    model = OrganizationActivity
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ("bin", "name_full_ru", "legal_form", "region", "register_status", "registered_on")
    list_filter = ("register_status", "legal_form", "region", "territorial_status")
    search_fields = ("bin", "name_full_ru", "name_full_kk", "head_name")
    readonly_fields = ("region", "registration_year", "provenance", "created_at", "updated_at")
    inlines = [ActivityInline]
    list_per_page = 50
    show_full_result_count = False

    def stamp(self, request, obj, fields) -> None:
        today = timezone.localdate().isoformat()
        for name in fields:
            if name in TRACKED_FIELDS:
                obj.provenance[name] = {"source": f"staff:{request.user.username}", "date": today}


@admin.register(Filing)
class FilingAdmin(AuditedAdmin):
    list_display = ("organization", "year", "submitted_on", "income", "expenses")
    list_filter = ("year",)
    search_fields = ("organization__bin", "organization__name_full_ru")
    raw_id_fields = ("organization",)


@admin.register(CharterVersion)
class CharterVersionAdmin(AuditedAdmin):
    list_display = ("organization", "version", "review", "errors", "warnings", "submitted_via", "created_at")
    list_filter = ("review", "submitted_via")
    search_fields = ("organization__bin", "organization__name_full_ru")
    raw_id_fields = ("organization",)
    readonly_fields = ("file_sha256", "file_size", "charter", "findings", "checked_at", "reviewed_by", "reviewed_at")
    actions = ["accept", "reject"]

    @admin.action(description=_("Accept the selected charters (they appear on the organisations' pages)"))
    def accept(self, request, queryset):
        for charter in queryset.exclude(review=CharterVersion.Review.ACCEPTED):
            charter.review, charter.reviewed_by, charter.reviewed_at = (
                CharterVersion.Review.ACCEPTED, request.user, timezone.now())
            charter.save(update_fields=["review", "reviewed_by", "reviewed_at"])
            Signal.objects.create(organization=charter.organization, kind=Signal.Kind.CHARTER_CHANGE,
                                  date=timezone.localdate(), detail={"version": charter.version})
            record(request.user, AuditEntry.Action.CHANGE, charter, {"review": ["pending", "accepted"]})
        bump_data_version()
        self.message_user(request, _("Accepted."), messages.SUCCESS)

    @admin.action(description=_("Reject the selected charters"))
    def reject(self, request, queryset):
        for charter in queryset.exclude(review=CharterVersion.Review.REJECTED):
            old = charter.review
            charter.review, charter.reviewed_by, charter.reviewed_at = (
                CharterVersion.Review.REJECTED, request.user, timezone.now())
            charter.save(update_fields=["review", "reviewed_by", "reviewed_at"])
            record(request.user, AuditEntry.Action.CHANGE, charter, {"review": [old, "rejected"]})
        self.message_user(request, _("Rejected."), messages.SUCCESS)


@admin.register(Signal)
class SignalAdmin(AuditedAdmin):
    list_display = ("organization", "kind", "date", "amount")
    list_filter = ("kind",)
    raw_id_fields = ("organization",)
    search_fields = ("organization__bin",)


@admin.register(DataSource)
class DataSourceAdmin(AuditedAdmin):
    list_display = ("name", "kind", "as_of", "created_at")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ("kind", "file_name", "status", "rows_done", "rows_total", "started_at", "finished_at")
    list_filter = ("kind", "status")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "username", "action", "model", "object_repr")
    list_filter = ("action", "model")
    search_fields = ("username", "object_pk", "object_repr")


@admin.register(RegistrySetting)
class RegistrySettingAdmin(AuditedAdmin):
    list_display = ("key", "updated_at")
