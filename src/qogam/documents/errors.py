"""Why a document could not be read, said so a person can act on it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MESSAGES_FILE = Path(__file__).parent / "errors.yaml"


class DocumentError(Exception):
    """The input could not be read. The message names the file, what is wrong and what to do.

    ``code`` is a stable slug (``document.empty``, ``document.encrypted`` …) for programs;
    ``str(error)`` is the specific English message, ``error.message("ru"|"kk"|"en")``
    the message for people in their language (texts in errors.yaml).
    """

    def __init__(self, name: str, problem: str, remedy: str, code: str = "document.unreadable"):
        self.name = name
        self.problem = problem
        self.remedy = remedy
        self.code = code
        super().__init__(f"{name}: {problem}. {remedy}")

    def message(self, lang: str = "ru") -> str:
        """File, problem and remedy in Russian ("ru"), Kazakh ("kk") or English ("en")."""
        texts = messages().get(self.code, {}).get(lang)
        if lang == "en" or not texts:
            return str(self)
        return f"{self.name}: {texts['problem']}. {texts['remedy']}"


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, dict[str, str]]]:
    import yaml

    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
