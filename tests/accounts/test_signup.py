import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User

VALID = {
    "first_name": "Salma",
    "last_name": "Bennani",
    "email": "salma@example.org",
    "phone": "06 12 34 56 78",
    "city": "Casablanca",
    "region": "CST",
    "preferred_language": "ar",
    "password1": "Une-phrase-secrete-2026",
    "password2": "Une-phrase-secrete-2026",
    "accept_data_notice": "on",
}


def _signup(client, **changes):
    data = {**VALID, **changes}
    return client.post(reverse("account_signup"), data)


@pytest.mark.django_db
def test_signup_keeps_the_profile_and_requires_email_verification(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="salma@example.org")
    assert (user.first_name, user.phone, user.region, user.preferred_language) == (
        "Salma",
        "0612345678",
        "CST",
        "ar",
    )
    assert len(mail.outbox) == 1
    # Not logged in until the address is verified.
    assert client.get(reverse("accounts:my_space")).status_code == 302

    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    client.post(path)
    assert client.get(reverse("accounts:my_space")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone": "12345"}, "phone", "numéro de téléphone marocain"),
        ({"first_name": "<script>alert(1)</script>"}, "first_name", "que des lettres"),
        ({"last_name": "x'; DROP TABLE accounts_user;--"}, "last_name", "que des lettres"),
        ({"first_name": "4242"}, "first_name", "que des lettres"),
        ({"accept_data_notice": ""}, "accept_data_notice", "données personnelles"),
        ({"email": "not-an-email"}, "email", "courriel valide"),
        ({"password2": "something-else-2026"}, "password2", "même mot de passe"),
    ],
)
def test_signup_rejects_bad_input_with_a_clear_message_and_keeps_the_rest(
    client, changes, field, message
):
    response = _signup(client, **changes)
    assert response.status_code == 200
    form = response.context["form"]
    assert message.lower() in " ".join(form.errors[field]).lower()
    page = response.content.decode()
    # What the entrepreneur typed correctly is still there.
    assert 'value="Casablanca"' in page
    assert not User.objects.filter(email="salma@example.org").exists()


@pytest.mark.django_db
def test_signup_accepts_names_in_arabic_and_with_apostrophes(client):
    response = _signup(client, first_name="سلمى", last_name="Ben M'Barek-El Ouazzani")
    assert response.status_code == 302
    assert User.objects.get(email="salma@example.org").first_name == "سلمى"


@pytest.mark.django_db
def test_signup_messages_are_in_the_visitors_language(client):
    response = client.post(
        reverse("account_signup").replace("/fr/", "/ar/"), {**VALID, "phone": "12"}
    )
    assert "أدخل رقم هاتف مغربي" in response.content.decode()


@pytest.mark.django_db
def test_signup_with_a_taken_email_does_not_reveal_the_account(client, entrepreneur):
    response = _signup(client, email=entrepreneur.email)
    assert response.status_code == 302
    assert User.objects.filter(email=entrepreneur.email).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [entrepreneur.email]


def test_login_is_rate_limited_after_repeated_failures(client, entrepreneur):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": entrepreneur.email, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": entrepreneur.email, "password": "wrong"}
    )
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_profile_update_validates_and_saves(client, entrepreneur):
    client.force_login(entrepreneur)
    url = reverse("accounts:profile")
    bad = client.post(
        url,
        {"first_name": "Salma", "last_name": "B", "phone": "abc", "preferred_language": "fr"},
    )
    assert bad.status_code == 200
    assert "numéro de téléphone marocain" in bad.content.decode()
    good = client.post(
        url,
        {
            "first_name": "Salma",
            "last_name": "Bennani",
            "phone": "+212 5 22 00 00 00",
            "city": "Settat",
            "region": "CST",
            "preferred_language": "en",
        },
    )
    assert good.status_code == 302
    entrepreneur.refresh_from_db()
    assert (entrepreneur.phone, entrepreneur.city, entrepreneur.preferred_language) == (
        "+212522000000",
        "Settat",
        "en",
    )


@pytest.mark.django_db
def test_signup_links_to_the_personal_data_notice_which_reads_in_arabic(client):
    signup = client.get("/ar/accounts/signup/").content.decode()
    assert 'href="/ar/privacy/"' in signup
    notice = client.get("/ar/privacy/").content.decode()
    assert "إشعار المعطيات الشخصية" in notice
    assert "09-08" in notice
