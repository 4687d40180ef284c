"""The charter-check page with the real checker: findings beside the text, downloads, no storage."""

import io
import json
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from qogam.registry.models import CharterVersion, Organization


def upload(client, path, **fields):
    data = {"file": SimpleUploadedFile(path.name, path.read_bytes()), **fields}
    return client.post("/check/", data)


def media_files():
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_upload_shows_findings_beside_highlighted_paragraphs(client, db, sample_docx):
    before = media_files()
    response = upload(client, sample_docx)
    assert response.status_code == 200
    findings = response.context["findings"]
    assert findings, "the sample charter has known problems"
    html = response.content.decode()
    for finding in findings:
        assert f'id="f-{finding["id"]}"' in html
        if finding["paragraph"] is not None:
            assert f'href="#p-{finding["paragraph"]}"' in html
            assert f'id="p-{finding["paragraph"]}" class="para' in html
    assert "hl hl-error" in html or "hl hl-warning" in html
    assert CharterVersion.objects.count() == 0 and media_files() == before


def test_same_json_as_the_cli_contract(client, db, sample_docx):
    response = upload(client, sample_docx, output="json")
    data = json.loads(response.content)
    assert set(data) >= {"document", "charter", "findings"}
    assert {"rule", "severity", "message", "legal_basis", "location", "fix"} <= set(data["findings"][0])
    assert data["file"] == sample_docx.name


def test_downloads_from_the_results_page_without_uploading_again(client, db, sample_docx):
    page = upload(client, sample_docx)
    embedded = page.context["embedded"]
    assert embedded
    for fmt, kind in (("docx", "officedocument"), ("html", "text/html"), ("json", "application/json")):
        response = client.post("/check/download/", {"content": embedded, "name": sample_docx.name, "output": fmt})
        assert response.status_code == 200 and kind in response["Content-Type"], fmt
        assert "attachment" in response["Content-Disposition"]
    docx = client.post("/check/download/", {"content": embedded, "name": sample_docx.name, "output": "docx"})
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        assert "word/comments.xml" in archive.namelist()


def test_executable_renamed_docx_gets_a_clear_error(client, db, tmp_path):
    fake = tmp_path / "устав.docx"
    fake.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 40)
    response = upload(client, fake)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Файл не удалось прочитать." in html and "устав.docx" in html
    assert CharterVersion.objects.count() == 0


def test_empty_submission(client, db):
    response = client.post("/check/", {})
    assert response.status_code == 400
    assert "Выберите файл устава" in response.content.decode()


def test_oversized_request_is_refused_before_reading(client, db):
    size = 200 * 1024 * 1024
    response = client.generic("POST", "/check/", b"x" * 10, content_type="multipart/form-data; boundary=x",
                              CONTENT_LENGTH=str(size))
    assert response.status_code == 413
    assert "200 МБ" in response.content.decode() and "20 МБ" in response.content.decode()


def test_consent_stores_a_pending_charter_version(client, registry, sample_docx):
    org = Organization.objects.first()
    response = upload(client, sample_docx, consent="yes", bin=org.bin)
    stored = response.context["stored"]
    assert stored and stored.review == CharterVersion.Review.PENDING and stored.consent
    assert stored.file.read() == sample_docx.read_bytes()
    assert stored.findings == json.loads(json.dumps(response.context["data"]["findings"]))
    # not public until staff accept it
    assert "charter" not in client.get(f"/org/{org.bin}/").context or \
        client.get(f"/org/{org.bin}/").context["charter"] is None


def test_consent_with_unknown_bin_stores_nothing(client, registry, sample_docx):
    response = upload(client, sample_docx, consent="yes", bin="081240605260")
    assert "нет в реестре" in response.content.decode()
    assert CharterVersion.objects.count() == 0


def test_the_activity_profile_tags_groups_only_the_model_gave(client, db, sample_docx, monkeypatch):
    from qogam.activities import hybrid
    from qogam.activities.model import FORMAT, Model

    # A hand-made model: «инклюзивный» adds group 9 (only the model gives it), «ребенок» keeps 4.
    model = Model({
        "format": FORMAT, "features": ["ru:инклюзивный", "ru:ребенок"],
        "primary_classes": ["", "2", "4"], "label_groups": ["2", "4", "9"],
        "primary_weights": [[0, 5, 0], [0, 0, 5]], "primary_bias": [1, 0, 0],
        "label_weights": [[6, 0, 6], [0, 6, 0]], "label_bias": [-3, -3, -3],
        "label_threshold": 0.5, "rule_features": False, "training_data_sha256": "0" * 64,
    })
    monkeypatch.setattr(hybrid, "stored_model", lambda: model)
    response = upload(client, sample_docx)
    profile = {g["code"]: g for g in response.context["data"]["charter"]["profile"]}
    assert profile["9"]["method"] == "model" and profile["4"]["method"] == "rules"
    html = response.content.decode()
    assert html.count('class="badge badge-model"') == 1
    assert 'data-method="model">9 — ' in html and ">модель</span>" in html
    assert "Профиль деятельности (МКНО)" in html
