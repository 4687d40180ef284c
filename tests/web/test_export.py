import csv
import io
import json

from qogam.registry.models import Organization
from qogam.registry.search import SearchParams, iterate


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_export_of_a_filtered_search(client, registry):
    response = client.get("/search/export.csv", {"region": "750000000", "sort": "name"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_body(response).lstrip("\ufeff"))))
    expected = [o.bin for o in iterate(SearchParams.from_query({"region": "750000000", "sort": "name"}))]
    assert [r["bin"] for r in rows] == expected
    assert all(r["region"] == "750000000" and r["org_id"] == f"KZ-BIN-{r['bin']}" for r in rows)
    assert rows[0]["url"].endswith(f"/org/{rows[0]['bin']}/")


def test_json_export_of_a_text_search(client, registry):
    data = json.loads(_body(client.get("/search/export.json", {"q": "центр"})))
    assert data["meta"]["query"] == "q=%D1%86%D0%B5%D0%BD%D1%82%D1%80"
    bins = {o["bin"] for o in data["organizations"]}
    assert bins and all("центр" in Organization.objects.get(bin=b).search_text for b in bins)


def test_empty_export_still_has_a_header(client, registry):
    text = _body(client.get("/search/export.csv", {"q": "zzzzqqq"}))
    assert text.lstrip("\ufeff").startswith("bin,org_id,")


def test_unknown_format_is_404(client, registry):
    assert client.get("/search/export.xml").status_code == 404
