"""Initial reference data for company creation; the admin edits it afterwards."""

from django.utils.translation import gettext_noop

LEGAL_FORMS = [
    {
        "code": "sarl", "order": 1, "liability": "limited", "minimum_capital": None,
        "min_partners": 2, "max_partners": 50,
        "name_fr": "SARL (société à responsabilité limitée)",
        "name_ar": "شركة ذات مسؤولية محدودة (SARL)",
        "name_en": "SARL (limited liability company)",
        "explanation_fr": "De 2 à 50 associés, responsables à hauteur de leurs apports. Capital libre.",  # noqa: E501
        "explanation_ar": "من شريكين إلى 50 شريكا، مسؤوليتهم في حدود حصصهم. رأس المال حر.",
        "explanation_en": "2 to 50 partners, liable up to their contributions. No minimum capital.",
    },
    {
        "code": "sarl-au", "order": 2, "liability": "limited", "minimum_capital": None,
        "min_partners": 1, "max_partners": 1,
        "name_fr": "SARL AU (associé unique)",
        "name_ar": "شركة ذات مسؤولية محدودة بشريك وحيد",
        "name_en": "SARL AU (single partner)",
        "explanation_fr": "Un seul associé, responsable à hauteur de son apport. Capital libre.",
        "explanation_ar": "شريك واحد، مسؤوليته في حدود حصته. رأس المال حر.",
        "explanation_en": "One partner only, liable up to the contribution. No minimum capital.",
    },
    {
        "code": "sa", "order": 3, "liability": "limited", "minimum_capital": "300000.00",
        "min_partners": 5, "max_partners": None,
        "name_fr": "SA (société anonyme)",
        "name_ar": "شركة مساهمة (SA)",
        "name_en": "SA (public limited company)",
        "explanation_fr": "Au moins 5 actionnaires, capital minimum de 300 000 MAD.",
        "explanation_ar": "خمسة مساهمين على الأقل، ورأس مال أدنى قدره 300000 درهم.",
        "explanation_en": "At least 5 shareholders, minimum capital 300,000 MAD.",
    },
    {
        "code": "snc", "order": 4, "liability": "unlimited", "minimum_capital": None,
        "min_partners": 2, "max_partners": None,
        "name_fr": "SNC (société en nom collectif)",
        "name_ar": "شركة التضامن (SNC)",
        "name_en": "SNC (general partnership)",
        "explanation_fr": "Au moins 2 associés, responsables sur tous leurs biens et solidairement.",  # noqa: E501
        "explanation_ar": "شريكان على الأقل، مسؤولان بصفة شخصية وتضامنية عن ديون الشركة.",
        "explanation_en": "At least 2 partners, personally and jointly liable for all debts.",
    },
]  # fmt: skip

NAME_WORDS = [
    ("banque", "misleading", gettext_noop("Reserved to approved credit institutions.")),
    ("bank", "misleading", gettext_noop("Reserved to approved credit institutions.")),
    ("بنك", "misleading", gettext_noop("Reserved to approved credit institutions.")),
    ("assurance", "misleading", gettext_noop("Reserved to approved insurers.")),
    ("royal", "misleading", gettext_noop("Needs an authorisation.")),
    ("royale", "misleading", gettext_noop("Needs an authorisation.")),
    ("ملكي", "misleading", gettext_noop("Needs an authorisation.")),
    ("national", "misleading", gettext_noop("Suggests a public body.")),
    ("nationale", "misleading", gettext_noop("Suggests a public body.")),
    ("université", "misleading", gettext_noop("Reserved to accredited institutions.")),
    ("ministère", "forbidden", gettext_noop("Names of public authorities are not allowed.")),
    ("وزارة", "forbidden", gettext_noop("Names of public authorities are not allowed.")),
]

DELAYS = {
    "certificate_validity": 90,
    "certificate_warning": 10,
    "refiling_window": 15,
    "advisor_waiting": 3,
}


def seed(LegalForm, NameWord, CompanyDelay) -> None:
    for row in LEGAL_FORMS:
        LegalForm.objects.update_or_create(code=row["code"], defaults=row)
    for word, kind, reason in NAME_WORDS:
        NameWord.objects.get_or_create(word=word, defaults={"kind": kind, "reason": reason})
    for key, days in DELAYS.items():
        CompanyDelay.objects.get_or_create(key=key, defaults={"days": days})
