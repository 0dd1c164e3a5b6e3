"""Every role against every labelling URL."""

import pytest
from django.urls import reverse

from hubs.models.labelling import Label
from tests.hubs.labelling_support import (  # noqa: F401
    chamber_manager,
    fast_password_hashing,
    make_application,
    make_label,
    other_chamber_manager,
    private_media,
)

PERSONAS = [
    "anonymous",
    "entrepreneur",
    "chamber_manager",
    "other_chamber_manager",
    "advisor_a",
    "advisor_b",
    "hub_editor",
    "office_staff",
]
LOGIN = "login"

# url name -> (method, expected status per persona in PERSONAS order)
#   anon   entr  owner other advA  advB  edit  staff
MATRIX = {
    "list": ("get", [LOGIN, 403, 200, 200, 403, 403, 403, 200]),
    "new": ("get", [LOGIN, 403, 200, 200, 403, 403, 403, 403]),
    "detail": ("get", [LOGIN, 404, 200, 404, 404, 404, 404, 200]),
    "edit": ("get", [LOGIN, 404, 200, 404, 404, 404, 404, 403]),
    "evidence": ("get", [LOGIN, 404, 200, 404, 404, 404, 404, 200]),
    "evidence_add": ("post", [LOGIN, 404, 400, 404, 404, 404, 404, 403]),
    "evidence_delete": ("post", [LOGIN, 404, 302, 404, 404, 404, 404, 403]),
    "submit": ("post", [LOGIN, 404, 302, 404, 404, 404, 404, 403]),
    "application_action": ("post", [LOGIN, 403, 403, 403, 403, 403, 403, 400]),
    "label": ("get", [LOGIN, 404, 200, 404, 404, 404, 404, 200]),
    "certificate": ("get", [LOGIN, 404, 200, 404, 404, 404, 404, 200]),
    "annual_report": ("post", [LOGIN, 404, 302, 404, 404, 404, 404, 403]),
    "label_action": ("post", [LOGIN, 403, 403, 403, 403, 403, 403, 400]),
    "office": ("get", [LOGIN, 403, 403, 403, 403, 403, 403, 200]),
    "verify": ("get", [200] * 8),
    "register": ("get", [200] * 8),
}


@pytest.fixture
def objects(hub_a, chamber_manager, private_media):
    application = make_application(hub=hub_a, manager=chamber_manager)
    label = make_label(hub=hub_a)
    return application, label


def _url(name, application, label):
    app = {"public_id": application.public_id}
    evidence = {**app, "evidence_id": application.evidence.get().public_id}
    lab = {"public_id": label.public_id}
    return {
        "list": reverse("hubs:labelling_applications"),
        "new": reverse("hubs:labelling_application_new"),
        "detail": reverse("hubs:labelling_application", kwargs=app),
        "edit": reverse("hubs:labelling_application_edit", kwargs=app),
        "evidence": reverse("hubs:labelling_evidence", kwargs=evidence),
        "evidence_add": reverse("hubs:labelling_evidence_add", kwargs=app),
        "evidence_delete": reverse("hubs:labelling_evidence_delete", kwargs=evidence),
        "submit": reverse("hubs:labelling_application_submit", kwargs=app),
        "application_action": reverse(
            "hubs:labelling_application_action", kwargs={**app, "action": "accept"}
        ),
        "label": reverse("hubs:labelling_label", kwargs=lab),
        "certificate": reverse("hubs:labelling_certificate", kwargs=lab),
        "annual_report": reverse("hubs:labelling_annual_report", kwargs=lab),
        "label_action": reverse("hubs:labelling_label_action", kwargs={**lab, "action": "suspend"}),
        "office": reverse("hubs:labelling_office"),
        "verify": reverse("hubs:labelling_verify") + f"?code={label.verification_code}",
        "register": reverse("hubs:labelling_register"),
    }[name]


CASES = [
    (name, persona, expected)
    for name, (_method, row) in MATRIX.items()
    for persona, expected in zip(PERSONAS, row, strict=True)
]


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_who_reaches_which_labelling_url(
    client,
    request,
    objects,
    personas,
    chamber_manager,
    fast_password_hashing,
    other_chamber_manager,
    name,
    persona,
    expected,
):
    application, label = objects
    if persona != "anonymous":
        user = {
            **personas,
            "chamber_manager": chamber_manager,
            "other_chamber_manager": other_chamber_manager,
        }[persona]
        client.force_login(user)
    url = _url(name, application, label)
    method = MATRIX[name][0]
    data = {"period": 1, "requests_handled": 3, "appointments_held": 2, "events_run": 1}
    response = getattr(client, method)(url, data if method == "post" else None)
    if expected == LOGIN:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected, (name, persona, response.status_code)


def test_a_chamber_lists_only_its_own_applications(
    client, hub_a, hub_b, chamber_manager, other_chamber_manager, private_media
):
    make_application(hub=hub_a, manager=chamber_manager)
    theirs = make_application(hub=hub_b, manager=other_chamber_manager)
    client.force_login(chamber_manager)
    page = client.get(reverse("hubs:labelling_applications")).content.decode()
    assert hub_a.name in page
    assert str(theirs.public_id) not in page


def test_a_withdrawn_label_has_no_certificate(client, hub_a, chamber_manager):
    label = make_label(hub=hub_a, status=Label.Status.WITHDRAWN)
    client.force_login(chamber_manager)
    response = client.get(
        reverse("hubs:labelling_certificate", kwargs={"public_id": label.public_id})
    )
    assert response.status_code == 403
