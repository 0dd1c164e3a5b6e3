"""Who may reach every named URL: the table `tests/test_access_matrix.py` checks.

Each of our named URLs has one entry. The objects in the world belong to someone else than
most personas: a company request, a trademark pre-filing and an appointment of
`other_entrepreneur` at hub B (advised by `advisor_b`), a labelling application and a label of
hub B (whose manager is not a persona), an event page `other_entrepreneur` registered for.

An entry says which personas reach the URL with GET and which with POST (an empty POST, sent
without data: it must be refused before any form is read). Everybody else must be refused:
403, 404, 405, or sent to the login page. A persona in the set must reach the page (any answer
below 400 that is not the login page). Adding a URL: add a line here, naming the personas that
may use it and, for a URL with arguments, the lambda that builds them from the world (see
`tests/test_access_matrix.py::World`).

Personas: anonymous, entrepreneur (A), other_entrepreneur (B, the owner), advisor_a,
advisor_b, hub_editor (hub A), office_staff.
"""

from dataclasses import dataclass, field
from typing import Any

PERSONAS = (
    "anonymous",
    "entrepreneur",
    "other_entrepreneur",
    "advisor_a",
    "advisor_b",
    "hub_editor",
    "office_staff",
)

EVERYONE = frozenset(PERSONAS)
NOBODY = frozenset()
SIGNED_IN = EVERYONE - {"anonymous"}
OWNER = frozenset({"other_entrepreneur"})
ENTREPRENEURS = frozenset({"entrepreneur", "other_entrepreneur"})
ADVISORS = frozenset({"advisor_a", "advisor_b"})
HUB_B_ADVISOR = frozenset({"advisor_b"})
OFFICE = frozenset({"office_staff"})
STAFF = ADVISORS | {"hub_editor"} | OFFICE
# Who may read a case of other_entrepreneur at hub B: its owner, its hub's advisors, the office.
CASE_READERS = OWNER | HUB_B_ADVISOR | OFFICE

SAME_AS_GET = "same as GET"


@dataclass(frozen=True)
class Rule:
    get: frozenset
    post: Any = SAME_AS_GET
    # Builds the URL's keyword arguments from the world; None for a URL without arguments.
    kwargs: Any = None
    why: str = ""
    query: dict = field(default_factory=dict)
    # Personas whose empty POST may change data; every other POST must leave it untouched.
    writers: Any = SAME_AS_GET
    # A capability link (a token in the URL): its holder sees the object, whoever they are.
    capability: bool = False

    def may_write(self) -> frozenset:
        return self.allowed("post") if self.writers == SAME_AS_GET else self.writers

    def allowed(self, method: str) -> frozenset:
        if method == "post" and self.post != SAME_AS_GET:
            return self.post
        return self.get


def _company(world):
    return {"public_id": world.company.public_id}


def _prefiling(world):
    return {"public_id": world.prefiling.public_id}


def _prefiling_step(world):
    return {"public_id": world.prefiling.public_id, "step": 1}


def _company_step(world):
    return {"public_id": world.company.public_id, "step": 1}


def _document(world):
    return {"public_id": world.document.public_id}


def _case(world):
    return {"public_id": world.company.case.public_id}


def _appointment(world):
    return {"public_id": world.appointment.public_id}


def _application(world):
    return {"public_id": world.application.public_id}


def _label(world):
    return {"public_id": world.label.public_id}


def _event(world):
    return {"page_id": world.event.pk}


ACCESS: dict[str, Rule] = {
    # --- config ---------------------------------------------------------------------------
    "healthz": Rule(get=EVERYONE, post=NOBODY),
    "robots_txt": Rule(get=EVERYONE, post=NOBODY),
    "sitemap": Rule(get=EVERYONE),
    "bench_bare": Rule(get=EVERYONE, why="a bare response for the load bench, no data"),
    "set_language": Rule(get=EVERYONE),
    # Wagtail's own login forms, replaced: every persona is sent to allauth's login.
    "cms_admin_login": Rule(get=NOBODY),
    "site_login": Rule(get=NOBODY),
    # --- accounts -------------------------------------------------------------------------
    "accounts:my_space": Rule(get=SIGNED_IN),
    "accounts:staff_area": Rule(get=STAFF),
    "accounts:profile": Rule(get=SIGNED_IN),
    "accounts:privacy": Rule(get=EVERYONE),
    # Each person's own notifications and choices: nobody reaches another's.
    "accounts:notifications": Rule(get=SIGNED_IN),
    "accounts:notifications_read_all": Rule(get=NOBODY, post=SIGNED_IN),
    "accounts:notification_read": Rule(
        get=NOBODY, post=OWNER, kwargs=lambda w: {"public_id": w.notification.public_id}
    ),
    "accounts:notification_preferences": Rule(get=NOBODY, post=SIGNED_IN),
    # Law 09-08: one's own data only; an empty POST deletes nothing.
    "accounts:personal_data": Rule(get=SIGNED_IN, writers=NOBODY),
    "accounts:personal_data_json": Rule(get=SIGNED_IN, post=NOBODY),
    "accounts:personal_data_pdf": Rule(get=SIGNED_IN, post=NOBODY),
    # --- hubs: booking --------------------------------------------------------------------
    "hubs:book": Rule(get=SIGNED_IN),
    "hubs:book_at_hub": Rule(get=SIGNED_IN, kwargs=lambda w: {"hub_slug": w.hub_b.slug}),
    "hubs:book_confirm": Rule(get=SIGNED_IN, kwargs=lambda w: {"hub_slug": w.hub_b.slug}),
    "hubs:appointment_detail": Rule(get=OWNER | HUB_B_ADVISOR | OFFICE, kwargs=_appointment),
    "hubs:appointment_reschedule": Rule(get=OWNER, kwargs=_appointment),
    "hubs:appointment_cancel": Rule(get=OWNER, kwargs=_appointment),
    "hubs:appointment_ics": Rule(get=OWNER | HUB_B_ADVISOR | OFFICE, kwargs=_appointment),
    "hubs:appointment_close": Rule(get=NOBODY, post=HUB_B_ADVISOR, kwargs=_appointment),
    "hubs:appointment_notes": Rule(get=NOBODY, post=HUB_B_ADVISOR, kwargs=_appointment),
    # The link of the confirmation email: whoever holds the token manages the meeting, like
    # the owner (a forged token is refused, see test_a_forged_token_opens_nothing).
    "hubs:appointment_manage": Rule(
        get=EVERYONE, kwargs=lambda w: {"token": w.manage_token}, capability=True
    ),
    "hubs:appointment_manage_reschedule": Rule(
        get=EVERYONE, kwargs=lambda w: {"token": w.manage_token}, capability=True
    ),
    "hubs:appointment_manage_cancel": Rule(
        get=EVERYONE, kwargs=lambda w: {"token": w.manage_token}, capability=True
    ),
    "hubs:appointment_manage_ics": Rule(
        get=EVERYONE, kwargs=lambda w: {"token": w.manage_token}, capability=True
    ),
    "hubs:agenda": Rule(get=ADVISORS),
    # Each advisor resets their own private calendar address, nobody else's.
    "hubs:agenda_feed_reset": Rule(get=NOBODY, post=ADVISORS),
    "hubs:agenda_feed": Rule(
        get=EVERYONE, kwargs=lambda w: {"token": w.agenda_token}, capability=True
    ),
    # --- hubs: the network's figures (office staff; a hub's managers see their hub's) -----
    "hubs:figures": Rule(get=OFFICE, post=NOBODY),
    "hubs:figures_export": Rule(get=OFFICE, post=NOBODY, kwargs=lambda w: {"fmt": "csv"}),
    "hubs:figures_region": Rule(
        get=OFFICE, post=NOBODY, kwargs=lambda w: {"code": w.hub_b.chamber.region.code}
    ),
    "hubs:figures_region_export": Rule(
        get=OFFICE,
        post=NOBODY,
        kwargs=lambda w: {"code": w.hub_b.chamber.region.code, "fmt": "xlsx"},
    ),
    "hubs:figures_hub": Rule(get=OFFICE, post=NOBODY, kwargs=lambda w: {"slug": w.hub_b.slug}),
    "hubs:figures_hub_export": Rule(
        get=OFFICE, post=NOBODY, kwargs=lambda w: {"slug": w.hub_b.slug, "fmt": "csv"}
    ),
    # --- hubs: labelling ------------------------------------------------------------------
    "hubs:labelling_applications": Rule(get=OFFICE),
    "hubs:labelling_application_new": Rule(get=NOBODY),
    "hubs:labelling_application": Rule(get=OFFICE, kwargs=_application),
    "hubs:labelling_application_edit": Rule(get=NOBODY, kwargs=_application),
    "hubs:labelling_evidence_add": Rule(get=NOBODY, kwargs=_application),
    "hubs:labelling_evidence": Rule(
        get=OFFICE,
        kwargs=lambda w: {
            "public_id": w.application.public_id,
            "evidence_id": w.evidence.public_id,
        },
    ),
    "hubs:labelling_evidence_delete": Rule(
        get=NOBODY,
        kwargs=lambda w: {
            "public_id": w.application.public_id,
            "evidence_id": w.evidence.public_id,
        },
    ),
    "hubs:labelling_application_submit": Rule(get=NOBODY, kwargs=_application),
    "hubs:labelling_label": Rule(get=OFFICE, kwargs=_label),
    "hubs:labelling_certificate": Rule(get=OFFICE, kwargs=_label),
    "hubs:labelling_annual_report": Rule(get=NOBODY, kwargs=_label),
    "hubs:labelling_office": Rule(get=OFFICE),
    "hubs:labelling_application_action": Rule(
        get=NOBODY,
        post=OFFICE,
        kwargs=lambda w: {"public_id": w.application.public_id, "action": "accept"},
    ),
    "hubs:labelling_label_action": Rule(
        get=NOBODY,
        post=OFFICE,
        kwargs=lambda w: {"public_id": w.label.public_id, "action": "suspend"},
    ),
    "hubs:labelling_verify": Rule(get=EVERYONE),
    "hubs:labelling_verify_code": Rule(get=EVERYONE, kwargs=lambda w: {"code": w.label.number}),
    "hubs:labelling_register": Rule(get=EVERYONE),
    # --- filings: trademarks --------------------------------------------------------------
    "filings:trademark_list": Rule(get=SIGNED_IN),
    "filings:similarity_json": Rule(get=SIGNED_IN, post=NOBODY, query={"q": "QUOKKA"}),
    "filings:review_list": Rule(get=ADVISORS),
    "filings:trademark_detail": Rule(get=CASE_READERS, kwargs=_prefiling),
    "filings:trademark_step": Rule(get=OWNER, kwargs=_prefiling_step),
    # Readers of a case reach these views; the service refuses a move they may not make.
    "filings:trademark_transition": Rule(
        get=NOBODY, post=CASE_READERS, writers=OWNER | HUB_B_ADVISOR, kwargs=_prefiling
    ),
    "filings:trademark_comment": Rule(get=NOBODY, post=CASE_READERS, kwargs=_prefiling),
    "filings:trademark_logo": Rule(get=CASE_READERS, kwargs=_prefiling),
    "filings:trademark_filing_file": Rule(get=CASE_READERS, kwargs=_prefiling),
    # --- filings: company creation --------------------------------------------------------
    "filings:company_list": Rule(get=SIGNED_IN),
    "filings:company_queue": Rule(get=ADVISORS),
    "filings:company_name_check": Rule(get=SIGNED_IN, post=NOBODY, query={"name": "Zephyr"}),
    "filings:company_detail": Rule(get=CASE_READERS, kwargs=_company),
    "filings:company_step": Rule(get=OWNER, kwargs=_company_step),
    "filings:company_document_upload": Rule(
        get=NOBODY, post=CASE_READERS, writers=OWNER | HUB_B_ADVISOR, kwargs=_company
    ),
    "filings:company_transition": Rule(
        get=NOBODY, post=CASE_READERS, writers=OWNER | HUB_B_ADVISOR, kwargs=_company
    ),
    "filings:company_message": Rule(get=NOBODY, post=CASE_READERS, kwargs=_company),
    "filings:company_claim": Rule(
        get=NOBODY, post=CASE_READERS, writers=HUB_B_ADVISOR, kwargs=_company
    ),
    # A hub manager's action: no persona here manages hub B.
    "filings:company_assign": Rule(get=NOBODY, kwargs=_company),
    "filings:company_receipt": Rule(get=CASE_READERS, kwargs=_company),
    "filings:company_document": Rule(get=CASE_READERS, kwargs=_document),
    # --- filings: case files -------------------------------------------------------------
    "filings:case_list": Rule(get=SIGNED_IN),
    "filings:case_detail": Rule(get=CASE_READERS, kwargs=_case),
    # An empty message is refused by the service: nothing is written.
    "filings:case_message": Rule(get=NOBODY, post=CASE_READERS, writers=NOBODY, kwargs=_case),
    "filings:case_trademark_start": Rule(get=NOBODY, post=OWNER, kwargs=_case),
    "filings:advisor_home": Rule(get=ADVISORS),
    "filings:document_access_log": Rule(get=OFFICE),
    # --- cms ------------------------------------------------------------------------------
    "cms:search": Rule(get=EVERYONE, post=NOBODY, query={"q": "atelier"}),
    "cms:event_register": Rule(get=NOBODY, post=SIGNED_IN, kwargs=_event),
    # Only a registered person has a seat to give back.
    "cms:event_cancel": Rule(get=NOBODY, post=OWNER, kwargs=_event),
}


@dataclass(frozen=True)
class PrefixRule:
    """URLs we do not own, checked as a family: only `allowed` personas reach them."""

    description: str
    allowed: frozenset


# Matched on the URL name (with its namespace) or on the pattern's first segment.
PREFIX_RULES: dict[str, PrefixRule] = {
    # Wagtail's admin: only people holding the "access admin" permission (editors, office
    # staff), and every one of them has passed two-factor authentication.
    "pattern:cms-admin/": PrefixRule("Wagtail admin", frozenset({"hub_editor", "office_staff"})),
    # Django's admin: superusers only, and its own login form goes through allauth.
    "pattern:django-admin/": PrefixRule("Django admin", NOBODY),
    # allauth's account pages: they show the visitor's own account, never someone else's.
    "name:account_": PrefixRule("allauth accounts", EVERYONE),
    "name:mfa_": PrefixRule("allauth two-factor", EVERYONE),
    # Wagtail's public serving: published pages, documents behind Wagtail's own privacy.
    "name:wagtail_serve": PrefixRule("Wagtail pages", EVERYONE),
    "name:wagtailcore_login": PrefixRule("Wagtail front login (sends to allauth)", EVERYONE),
    "name:wagtailcore_authenticate_with_password": PrefixRule("Wagtail page password", EVERYONE),
    "name:wagtaildocs_": PrefixRule("Wagtail documents", EVERYONE),
}
