"""POST /api/classify and /api/geo — activity categories and places of a text."""

from __future__ import annotations

from ninja import Router, Schema

from .errors import Error, reply

router = Router(tags=["text analysis"])
MAX_TEXT = 200_000


class TextIn(Schema):
    text: str


def _too_long(text: str):
    if len(text) > MAX_TEXT:
        return reply(413, {"error": "text.too_long", "message": f"the text has {len(text)} characters; the limit is {MAX_TEXT}"})
    return None


@router.post("/classify", response={200: dict, 413: Error, 503: Error}, summary="Classify activities (ICNPO)")
def classify(request, body: TextIn):
    if problem := _too_long(body.text):
        return problem
    try:
        from qogam.activities import classify as classify_text
    except ImportError:
        return reply(503, {"error": "service.unavailable", "message": "the activity classifier is not installed"})
    return reply(200, classify_text(body.text).to_dict())


@router.post("/geo", response={200: dict, 413: Error, 503: Error}, summary="Find regions and places (KATO)")
def geo(request, body: TextIn):
    if problem := _too_long(body.text):
        return problem
    try:
        from qogam.geo import analyse
    except ImportError:
        return reply(503, {"error": "service.unavailable", "message": "the gazetteer is not installed"})
    return reply(200, analyse(body.text).to_dict())
