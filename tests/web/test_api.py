import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count

from qogam.registry.models import Organization


def test_openapi_document_lists_every_endpoint(client, db):
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/check", "/api/classify", "/api/geo", "/api/organizations", "/api/organizations/{bin}",
            "/api/reconcile"} <= paths


def test_docs_page_needs_no_cdn(client, db):
    html = client.get("/api/docs").content.decode()
    assert "cdn.jsdelivr" not in html and "unpkg" not in html


def test_organizations_search_with_filters(client, registry):
    data = client.get("/api/organizations", {"region": "750000000", "register_status": "liquidated",
                                             "page_size": 5}).json()
    expected = registry.filter(region="750000000", register_status="liquidated").count()
    assert data["total"] == expected and len(data["items"]) == min(5, expected)
    assert all(item["register_status"] == "liquidated" for item in data["items"])
    liquidated_regions = set(registry.filter(register_status="liquidated").values_list("region", flat=True))
    assert {f["value"] for f in data["facets"]["region"]} == liquidated_regions


def test_organization_detail_with_filings_and_provenance(client, registry):
    org = registry.annotate(n=Count("filings")).filter(n__gte=2).first()
    data = client.get(f"/api/organizations/KZ-BIN-{org.bin}").json()
    assert data["bin"] == org.bin and data["org_id"] == f"KZ-BIN-{org.bin}"
    assert len(data["filings"]) == org.filings.count()
    assert data["provenance"]["name_full_ru"]["source"] == "demo"


def test_organization_errors(client, registry):
    bad = client.get("/api/organizations/081240605261")
    assert bad.status_code == 400 and "контрольная цифра" in bad.json()["message"]
    missing = client.get("/api/organizations/081240605260")
    assert missing.status_code == 404 and missing.json()["error"] == "bin.not_found"


def test_check_endpoint(client, db, sample_docx):
    response = client.post("/api/check", {"file": SimpleUploadedFile("u.docx", sample_docx.read_bytes())})
    assert response.status_code == 200
    data = response.json()
    assert data["findings"] and data["charter"]["legal_form"]


def test_check_endpoint_unreadable_file(client, db):
    response = client.post("/api/check", {"file": SimpleUploadedFile("x.docx", b"MZ" + b"\0" * 3000)})
    assert response.status_code == 422
    assert response.json()["error"].startswith("document.")


def test_check_endpoint_too_large(client, db):
    response = client.generic("POST", "/api/check", b"x", content_type="multipart/form-data; boundary=x",
                              CONTENT_LENGTH=str(300 * 1024 * 1024))
    assert response.status_code == 413 and response.json()["error"] == "upload.too_large"


def test_classify_and_geo(client, db):
    text = "Поддержка детей-сирот и людей с инвалидностью в Карагандинской области"
    classified = client.post("/api/classify", {"text": text}, content_type="application/json")
    assert classified.status_code == 200 and classified.json()
    geo = client.post("/api/geo", {"text": text}, content_type="application/json")
    assert geo.status_code == 200 and "350000000" in geo.json()["regions"]


def test_reconcile_manifest(client, db):
    manifest = client.get("/api/reconcile").json()
    assert manifest["versions"] == ["0.2"] and manifest["defaultTypes"][0]["id"] == "organization"
    assert "{{id}}" in manifest["view"]["url"]


@pytest.fixture
def named(registry):
    Organization.objects.create(bin="081240605260", name_full_ru="Общественный фонд «Жарық Жол»",
                                name_full_kk="«Жарық Жол» қоғамдық қоры", legal_form="public_fund",
                                kato="751110000", register_status="liquidated")
    return registry


def test_reconcile_matches_names_and_flags_liquidated(client, named):
    queries = {"q0": {"query": "ОФ Жарык Жол"}, "q1": {"query": "081240605260"},
               "q2": {"query": "Жарық Жол Алматы", "properties": [{"pid": "region", "v": "750000000"}]}}
    data = client.post("/api/reconcile", {"queries": json.dumps(queries)}).json()
    for key in ("q0", "q1", "q2"):
        top = data[key]["result"][0]
        assert top["id"] == "081240605260", key
        assert top["name"].endswith("[liquidated]")
    assert data["q1"]["result"][0]["match"] is True and data["q1"]["result"][0]["score"] == 100


def test_reconcile_jsonp_and_bad_queries(client, named):
    response = client.get("/api/reconcile", {"queries": json.dumps({"q0": {"query": "Жарық"}}), "callback": "cb"})
    assert response.content.decode().startswith("cb(")
    assert client.get("/api/reconcile", {"queries": "{not json"}).status_code == 400


def test_classify_says_which_method_made_each_label_and_accepts_method_rules(client, db):
    text = "Оказание социальной помощи детям-сиротам"
    hybrid = client.post("/api/classify", {"text": text}, content_type="application/json").json()
    assert hybrid["method"] == "hybrid" and hybrid["primary_method"] == "rules"
    assert hybrid["groups"][0]["code"] == "4" and hybrid["groups"][0]["method"] == "rules"
    rules = client.post("/api/classify", {"text": text, "method": "rules"}, content_type="application/json")
    assert rules.status_code == 200 and rules.json()["method"] == "rules"
    assert "method" not in rules.json()["groups"][0]
    query = client.post("/api/classify?method=rules", {"text": text}, content_type="application/json")
    assert query.json()["method"] == "rules"
    wrong = client.post("/api/classify", {"text": text, "method": "model"}, content_type="application/json")
    assert wrong.status_code == 400 and wrong.json()["error"] == "request.method"
