"""The charter-check page: upload, findings beside the text, downloads; stores nothing unless asked."""

from __future__ import annotations

import base64
import binascii

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from qogam.documents import DocumentError
from qogam.registry.identifiers import InvalidBIN, clean_bin
from qogam.registry.models import CharterVersion, Organization
from qogam.registry.reference import regions

from .. import checking, labels

# Files up to this size come back in the results page so downloads need no second upload.
EMBED_LIMIT = 5 * 1024 * 1024
ACCEPT = ".docx,.pdf,.odt,.doc,.rtf,.txt,.png,.jpg,.jpeg,.tif,.tiff"


def _spheres() -> list[tuple[str, str]]:
    try:
        from qogam.activities import sphere_names

        return list(sphere_names(labels.lang()).items())
    except (ImportError, AttributeError):
        return []


def check_form_context() -> dict:
    lang = labels.lang()
    return {
        "check_regions": sorted(((code, r.name(lang)) for code, r in regions().items()), key=lambda item: item[1]),
        "check_spheres": _spheres(),
        "accept": ACCEPT,
        "max_upload_mb": settings.QOGAM_MAX_UPLOAD_BYTES // (1024 * 1024),
    }


def _options(post) -> dict:
    region = post.get("region", "")
    sphere = post.get("sphere", "")
    return {
        "region": region if region in regions() else None,
        "sphere": sphere if sphere in dict(_spheres()) else None,
        "lang": labels.lang(),
    }


def _error(request, message: str, status: int = 400, problem: str = ""):
    context = {**check_form_context(), "error": message, "problem": problem}
    return render(request, "web/check.html", context, status=status)


def _store(request, checked: checking.Checked) -> tuple[CharterVersion | None, str]:
    """Keep the charter only when the user ticked the consent box and named a registered BIN."""
    try:
        bin_value = clean_bin(request.POST.get("bin", ""))
    except InvalidBIN as exc:
        return None, _("The charter was not saved: %(problem)s.") % {"problem": exc}
    organization = Organization.objects.filter(bin=bin_value).first()
    if organization is None:
        return None, _("The charter was not saved: no organisation with BIN %(bin)s is in the registry.") % {
            "bin": bin_value}
    summary = checked.data.get("summary", {})
    version = CharterVersion(
        organization=organization, version=CharterVersion.next_version(organization),
        consent=True, file_name=checked.name[:255], file_sha256=checked.sha256, file_size=len(checked.source),
        charter=checked.data.get("charter", {}), findings=checked.data.get("findings", []),
        errors=summary.get("error", 0), warnings=summary.get("warning", 0), checked_at=timezone.now(),
        submitted_via=CharterVersion.Via.UPLOAD, submitter_note=request.POST.get("note", "")[:2000],
    )
    version.file.save(checked.name[-100:], ContentFile(checked.source), save=False)
    version.save()
    return version, ""


def _download_response(checked: checking.Checked, fmt: str) -> HttpResponse:
    body, content_type, filename = checking.download(checked, fmt)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def check(request):
    if request.method == "GET":
        return render(request, "web/check.html", check_form_context())
    upload = request.FILES.get("file")
    if upload is None:
        return _error(request, _("Choose a charter file to check."))
    source = upload.read()
    try:
        checked = checking.check_bytes(source, upload.name, **_options(request.POST))
    except DocumentError as exc:
        return _error(request, _("The file could not be read."), 422, str(exc))
    fmt = request.POST.get("output", "page")
    if fmt == "docx" and not checking.is_docx(checked):
        return _error(request, _("An annotated Word file can only be made from a DOCX charter; "
                                 "choose HTML or JSON."), 400)
    stored, store_message = (None, "")
    if request.POST.get("consent") == "yes":
        stored, store_message = _store(request, checked)
    if fmt in checking.DOWNLOADS:
        return _download_response(checked, fmt)
    paragraphs, findings = checking.paragraphs_with_findings(checked)
    context = {
        **check_form_context(),
        "checked": checked,
        "data": checked.data,
        "paragraphs": paragraphs,
        "findings": findings,
        "summary": checked.data.get("summary", {}),
        "docx": checking.is_docx(checked),
        "embedded": base64.b64encode(source).decode("ascii") if len(source) <= EMBED_LIMIT else "",
        "options": _options(request.POST),
        "stored": stored,
        "store_message": store_message,
    }
    return render(request, "web/check_result.html", context)


@require_POST
def download(request):
    """Re-check the file sent back by the results page and return the report; nothing is kept."""
    fmt = request.POST.get("output", "")
    if fmt not in checking.DOWNLOADS:
        return _error(request, _("Unknown report format."))
    try:
        source = base64.b64decode(request.POST.get("content", ""), validate=True)
    except (binascii.Error, ValueError):
        source = b""
    if not source:
        return _error(request, _("The file to report on is missing; upload the charter again."))
    name = request.POST.get("name", "charter")[:200]
    try:
        checked = checking.check_bytes(source, name, **_options(request.POST))
    except DocumentError as exc:
        return _error(request, _("The file could not be read."), 422, str(exc))
    if fmt == "docx" and not checking.is_docx(checked):
        return _error(request, _("An annotated Word file can only be made from a DOCX charter; "
                                 "choose HTML or JSON."), 400)
    return _download_response(checked, fmt)
