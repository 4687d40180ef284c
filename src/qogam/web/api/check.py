"""POST /api/check — the same JSON as `qogam check --format json`."""

from __future__ import annotations

from django.conf import settings
from ninja import File, Form, Router
from ninja.files import UploadedFile

from qogam.documents import DocumentError
from qogam.registry.reference import regions

from .. import checking
from ..middleware import too_large_message
from .errors import Error, reply

router = Router(tags=["charter check"])


@router.post(
    "/check",
    response={200: dict, 400: Error, 413: Error, 422: Error},
    summary="Check a charter",
    description="Upload a charter (DOCX, PDF, ODT, DOC, RTF, TXT or a scan). Nothing is stored. "
    "The answer is the JSON of `qogam check --format json`: document, charter, findings, summary.",
)
def check_charter(request, file: File[UploadedFile], region: Form[str] = "", sphere: Form[str] = "",
                  lang: Form[str] = "ru"):
    if lang not in ("ru", "kk", "en"):
        return reply(400, {"error": "request.lang", "message": "lang must be ru, kk or en"})
    if region and region not in regions():
        return reply(400, {"error": "request.region", "message": f"region {region!r} is not a first-level KATO code"})
    if file.size and file.size > settings.QOGAM_MAX_UPLOAD_BYTES:
        return reply(413, {"error": "upload.too_large", "message": too_large_message(file.size)})
    try:
        checked = checking.check_bytes(file.read(), file.name or "charter", region=region, sphere=sphere, lang=lang)
    except DocumentError as exc:
        return reply(422, {"error": exc.code, "message": str(exc)})
    except ValueError as exc:  # e.g. an unknown sphere code
        return reply(400, {"error": "request.invalid", "message": str(exc)})
    return reply(200, checked.data)
