"""Property-based tests: whatever people type or upload, the answer is a clear refusal or a
success, never a server error.
"""

import inspect
import os
import unicodedata

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts import forms as accounts_forms
from core.uploads import UploadRefused, check_upload, checked_display_name
from filings import company_forms
from filings import forms as trademark_forms
from hubs import booking_forms, forms_labelling

# Modest in CI: the whole file runs in seconds. HYPOTHESIS_PROFILE=thorough for a long run
# (read here: loading a profile at import overrides pytest's --hypothesis-profile).
settings.register_profile(
    "ci",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\x00\x01\x02",
            "\u202eevil",
            "{{ 7*7 }}",
            "%(name)s %s",
            "٠١٢٣٤٥٦٧٨٩",
            "9" * 400,
            "-1e309",
            "NaN",
            "2026-02-30",
            "",
            " ",
        ]
    ),
)


def _plain_forms():
    """Every form of ours that takes nothing but data."""
    found = []
    for module in (accounts_forms, company_forms, trademark_forms, booking_forms, forms_labelling):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm) or cls.__module__ != module.__name__:
                continue
            try:
                cls(data={})
            except TypeError:
                continue  # needs arguments of its own (a hub, an owner): covered elsewhere
            except Exception:  # noqa: S112 - needs the database: covered by the DB tests
                continue
            found.append(cls)
    return found


PLAIN_FORMS = _plain_forms()


def test_the_property_tests_see_our_forms():
    assert len(PLAIN_FORMS) >= 5, PLAIN_FORMS


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", PLAIN_FORMS, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_any_input_gives_a_clear_answer(form_class, data):
    fields = form_class(data={}).fields
    values = {name: data.draw(hostile_text, label=name) for name in fields}
    form = form_class(data=values)
    if not form.is_valid():
        for messages in form.errors.values():
            assert all(isinstance(message, str) and message.strip() for message in messages)


def _forms_with_arguments():
    """Our forms that need objects from the database, with the objects they are given."""
    from accounts.models import User
    from hubs.models import Hub
    from hubs.models.labelling import CriteriaGrid

    grid = CriteriaGrid.objects.order_by("-pk").first()
    return {
        "NotificationPreferencesForm": lambda data: accounts_forms.NotificationPreferencesForm(
            data, user=User.objects.first()
        ),
        "AssignForm": lambda data: company_forms.AssignForm(data, advisors=User.objects.all()),
        "NewApplicationForm": lambda data: forms_labelling.NewApplicationForm(
            data, hubs=Hub.objects.all()
        ),
        "ScoresForm": lambda data: forms_labelling.ScoresForm(
            data, criteria=grid.criteria.all() if grid else [], scores={}
        ),
        "AnnualReportForm": lambda data: forms_labelling.AnnualReportForm(
            data, periods=[2025, 2026]
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form_name",
    ["NotificationPreferencesForm", "AssignForm", "NewApplicationForm", "ScoresForm",
     "AnnualReportForm"],
)  # fmt: skip
@given(data=st.data())
def test_forms_that_need_objects_give_a_clear_answer_too(form_name, entrepreneur, hub_a, data):
    build = _forms_with_arguments()[form_name]
    fields = build(None).fields
    values = {name: data.draw(hostile_text, label=name) for name in fields}
    form = build(values)
    if not form.is_valid():
        for messages in form.errors.values():
            assert all(isinstance(message, str) and message.strip() for message in messages)


@given(content=st.binary(max_size=2048), name=st.text(max_size=60))
def test_any_bytes_under_any_name_are_accepted_or_refused_with_a_reason(content, name):
    upload = SimpleUploadedFile("x", content)
    # Past Django's own name check, as a service called from a command would be.
    upload._name = name
    try:
        kind = check_upload(upload, max_bytes=1024 * 1024)
    except UploadRefused as refusal:
        assert refusal.message.strip()
    else:
        assert kind[0] in {"application/pdf", "image/png", "image/jpeg"}


@given(
    prefix=st.sampled_from([b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"]),
    body=st.binary(max_size=4096),
)
def test_damaged_files_behind_a_valid_signature_never_crash_the_check(prefix, body):
    try:
        check_upload(SimpleUploadedFile("scan.bin", prefix + body), max_bytes=1024 * 1024)
    except UploadRefused as refusal:
        assert refusal.message.strip()


@given(name=st.text(max_size=300))
def test_a_kept_file_name_carries_no_folder_and_no_hidden_character(name):
    try:
        kept = checked_display_name(name)
    except UploadRefused:
        return
    assert "/" not in kept and "\\" not in kept
    hidden = {"Cc", "Cf", "Zl", "Zp"}
    assert not any(unicodedata.category(char) in hidden for char in kept)
    assert 0 < len(kept) <= 200
