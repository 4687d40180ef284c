"""Staff side: log-in needed to edit; every edit is audited and stamps the field's provenance."""

import pytest
from django.contrib.auth import get_user_model

from qogam.registry.models import AuditEntry, CharterVersion, Organization, Signal


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("aigul", "aigul@example.kz", "a-long-passphrase-1")


def test_editing_needs_a_login(client, registry):
    org = registry.first()
    response = client.get(f"/admin/registry/organization/{org.pk}/change/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(f"/admin/registry/organization/{org.pk}/change/", {"head_name": "X"})
    assert response.status_code == 302
    assert Organization.objects.get(pk=org.pk).head_name != "X"


def test_staff_edit_is_audited_and_stamped(client, registry, staff):
    client.force_login(staff)
    org = registry.first()
    page = client.get(f"/admin/registry/organization/{org.pk}/change/")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"head_name": "Сейткали Ерлан", "languages": '["ru", "kk"]',
                 "activities-TOTAL_FORMS": "0", "activities-INITIAL_FORMS": "0"})
    for name in ("registered_on", "head_since", "register_status_since"):
        if data.get(name):
            data[name] = data[name].isoformat()
    response = client.post(f"/admin/registry/organization/{org.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    org.refresh_from_db()
    assert org.head_name == "Сейткали Ерлан"
    assert org.provenance["head_name"]["source"] == "staff:aigul"
    entry = AuditEntry.objects.get(model="registry.Organization", object_pk=str(org.pk))
    assert entry.username == "aigul" and entry.changes["head_name"][1] == "Сейткали Ерлан"


def test_accepting_a_charter_publishes_it_with_a_signal(client, registry, staff):
    org = registry.first()
    charter = CharterVersion.objects.create(organization=org, version=1, findings=[{"severity": "error",
                                            "message": "Нет срока полномочий", "legal_basis": "ст. 12"}], errors=1)
    assert client.get(f"/org/{org.bin}/").context["charter"] is None
    client.force_login(staff)
    client.post("/admin/registry/charterversion/", {"action": "accept", "_selected_action": [charter.pk]})
    charter.refresh_from_db()
    assert charter.review == "accepted" and charter.reviewed_by == staff
    assert Signal.objects.filter(organization=org, kind="charter_change").exists()
    assert "Нет срока полномочий" in client.get(f"/org/{org.bin}/").content.decode()
