"""One shape for every API error: {"error": slug, "message": text for people}."""

from ninja import Schema


class Error(Schema):
    error: str
    message: str


try:  # django-ninja ≥ 1.6 wants Status(...); older versions take a (code, body) tuple
    from ninja import Status

    def reply(code: int, body):
        return Status(code, body)

except ImportError:  # pragma: no cover

    def reply(code: int, body):
        return code, body
