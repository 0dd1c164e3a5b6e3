from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.demo import DEMO_TOTP_SECRET, ensure_user, make_office_staff
from accounts.roles import Role
from accounts.validators import DEMO_PASSWORD
from cms.demo_pages import load_pages
from core.regions import RegionCode
from filings.demo_cases import load_cases
from filings.demo_company import load_company
from filings.demo_trademarks import load_trademarks
from hubs.demo import add_membership, load_network
from hubs.demo_booking import load_booking
from hubs.demo_labelling import load_labelling

# Advisors of other hubs, so that the network looks staffed; same password and TOTP secret.
DEMO_EXTRA_ADVISORS = [
    ("advisor.fes@example.com", "Hicham", "Benjelloun", RegionCode.FES_MEKNES),
    ("advisor.marrakech@example.com", "Meryem", "Chraibi", RegionCode.MARRAKECH_SAFI),
    ("advisor.tanger@example.com", "Rachid", "El Fassi", RegionCode.TANGER_TETOUAN_AL_HOCEIMA),
    ("advisor.oujda@example.com", "Imane", "Ziani", RegionCode.ORIENTAL),
]

DEMO_ACCOUNTS_TEXT = """
Demo accounts (password for all: {})
  entrepreneur@example.com   entrepreneur
  entrepreneur2@example.com  entrepreneur (prefers Arabic)
  advisor@example.com        advisor, Casablanca-Settat and Rabat-Salé-Kénitra  [MFA]
  advisor2@example.com       advisor, Souss-Massa  [MFA]
  editor@example.com         hub editor, Casablanca-Settat  [MFA]
  staff@example.com          OMPIC office staff  [MFA]
  manager@example.com        hub manager (chamber), Casablanca-Settat  [MFA]

[MFA] accounts share the TOTP secret {}
  (add it to any authenticator app, or run: python manage.py demo_totp)
"""


class Command(BaseCommand):
    help = "Load the demo network, pages and accounts. Safe to run again: it updates in place."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demo data and its public password are refused in production.")
        with transaction.atomic():
            hubs = load_network()
            ensure_user("entrepreneur@example.com", first_name="Salma", last_name="Bennani")
            ensure_user(
                "entrepreneur2@example.com", first_name="Youssef", last_name="Amrani", language="ar"
            )
            advisor = ensure_user(
                "advisor@example.com", first_name="Karim", last_name="Alaoui", mfa=True
            )
            advisor2 = ensure_user(
                "advisor2@example.com", first_name="Nadia", last_name="Idrissi", mfa=True
            )
            editor = ensure_user(
                "editor@example.com", first_name="Omar", last_name="Tazi", mfa=True
            )
            staff = ensure_user(
                "staff@example.com", first_name="Leila", last_name="Berrada", mfa=True
            )
            for code in (RegionCode.CASABLANCA_SETTAT, RegionCode.RABAT_SALE_KENITRA):
                add_membership(user=advisor, hub=hubs[code], role=Role.ADVISOR)
            add_membership(user=advisor2, hub=hubs[RegionCode.SOUSS_MASSA], role=Role.ADVISOR)
            add_membership(user=editor, hub=hubs[RegionCode.CASABLANCA_SETTAT], role=Role.EDITOR)
            make_office_staff(staff)
            for email, first_name, last_name, code in DEMO_EXTRA_ADVISORS:
                extra = ensure_user(email, first_name=first_name, last_name=last_name, mfa=True)
                add_membership(user=extra, hub=hubs[code], role=Role.ADVISOR)
            load_booking()
            load_labelling(hubs=hubs, staff=staff)
            load_pages()
            load_trademarks()
            load_company()
            load_cases()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(DEMO_ACCOUNTS_TEXT.format(DEMO_PASSWORD, DEMO_TOTP_SECRET))
