"""POST /api/classify and /api/geo — activity categories and places of a text.

/api/classify takes ``{"text": ..., "method": "hybrid" | "rules"}`` (default hybrid): the JSON of
``qogam classify``. With the hybrid, each entry of ``groups`` says which method made it
(``"method": "rules" | "model"``); ``method=rules`` (in the body or the query string) gives the
rules alone.
"""

from __future__ import annotations

from ninja import Router, Schema

from .errors import Error, reply

router = Router(tags=["text analysis"])
MAX_TEXT = 200_000


class TextIn(Schema):
    text: str


class ClassifyIn(TextIn):
    method: str | None = None  # "hybrid" (default) or "rules"


def _too_long(text: str):
    if len(text) > MAX_TEXT:
        return reply(413, {"error": "text.too_long", "message": f"the text has {len(text)} characters; the limit is {MAX_TEXT}"})
    return None


@router.post("/classify", response={200: dict, 400: Error, 413: Error, 503: Error},
             summary="Classify activities (ICNPO)",
             description="The JSON of `qogam classify`. `method`: `hybrid` (default: the rules, then "
             "a statistical model decides the labels; each group says `rules` or `model`) or `rules`.")
def classify(request, body: ClassifyIn):
    if problem := _too_long(body.text):
        return problem
    method = body.method or request.GET.get("method") or "hybrid"
    if method not in ("hybrid", "rules"):
        return reply(400, {"error": "request.method", "message": "method must be hybrid or rules"})
    try:
        from qogam.activities import classify as classify_text
    except ImportError:
        return reply(503, {"error": "service.unavailable", "message": "the activity classifier is not installed"})
    return reply(200, classify_text(body.text, method).to_dict())


@router.post("/geo", response={200: dict, 413: Error, 503: Error}, summary="Find regions and places (KATO)")
def geo(request, body: TextIn):
    if problem := _too_long(body.text):
        return problem
    try:
        from qogam.geo import analyse
    except ImportError:
        return reply(503, {"error": "service.unavailable", "message": "the gazetteer is not installed"})
    return reply(200, analyse(body.text).to_dict())
