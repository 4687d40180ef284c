"""Error texts for people: every DocumentError code has them in Russian, Kazakh and English."""

from __future__ import annotations

import re
from pathlib import Path

from qogam.documents import DocumentError
from qogam.documents.errors import messages

SOURCE = Path(__file__).parents[2] / "src" / "qogam" / "documents"


def test_messages_schema():
    for code, languages in messages().items():
        assert re.fullmatch(r"document\.[a-z-]+", code), code
        assert set(languages) == {"ru", "kk", "en"}, code
        for lang, texts in languages.items():
            assert set(texts) == {"problem", "remedy"}, (code, lang)
            assert all(isinstance(t, str) and t.strip() for t in texts.values()), (code, lang)
            assert texts["remedy"].endswith("."), (code, lang)


def test_every_code_raised_in_the_documents_layer_has_texts():
    raised = set()
    for path in SOURCE.glob("*.py"):
        raised |= set(re.findall(r'"(document\.[a-z-]+)"', path.read_text(encoding="utf-8")))
    assert raised, "the layer raises coded errors"
    assert raised - set(messages()) == set()


def test_message_in_each_language():
    error = DocumentError("устав.pdf", "the PDF is password-protected", "Remove the password.", "document.encrypted")
    assert error.message("ru") == "устав.pdf: документ защищён паролем. Снимите пароль (откройте файл, уберите защиту, сохраните) и попробуйте снова."
    assert error.message("kk").startswith("устав.pdf: құжат құпиясөзбен қорғалған.")
    assert error.message("en") == str(error) == "устав.pdf: the PDF is password-protected. Remove the password."
    unknown = DocumentError("x", "odd", "Do this.", "document.something-new")
    assert unknown.message("ru") == str(unknown)
