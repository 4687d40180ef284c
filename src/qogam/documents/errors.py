"""Why a document could not be read, said so a person can act on it."""

from __future__ import annotations


class DocumentError(Exception):
    """The input could not be read. The message names the file, what is wrong and what to do.

    ``code`` is a stable slug (``document.empty``, ``document.encrypted`` …) for programs.
    """

    def __init__(self, name: str, problem: str, remedy: str, code: str = "document.unreadable"):
        self.name = name
        self.problem = problem
        self.remedy = remedy
        self.code = code
        super().__init__(f"{name}: {problem}. {remedy}")
