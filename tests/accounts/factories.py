import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import OFFICE_STAFF_GROUP

PASSWORD = "a-Strong-test-pass-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def activate_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def make_office_staff(user) -> None:
    user.groups.add(Group.objects.get_or_create(name=OFFICE_STAFF_GROUP)[0])


def sign_in_with_mfa(client, user) -> None:
    """Log ``user`` in as after a real login with both factors (what privileged roles need)."""
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password"}, {"method": "mfa"}]
    session.save()
