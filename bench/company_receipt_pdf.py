"""Time to render the company-creation receipt PDF (WeasyPrint), median of N renders.

    .venv/bin/python bench/company_receipt_pdf.py [--runs 20] [--lang fr ar] [--out var/bench]

Builds an unsaved request with three partners and three documents (no database writes), renders
it through the same service context and template as the Celery task, and prints the median,
min and max per language. The first render (font loading) is timed apart as the cold start.
"""

import argparse
import datetime
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.django_setup import setup  # noqa: E402

setup()

from django.utils import timezone, translation  # noqa: E402

from core.pdf import render_pdf  # noqa: E402
from filings.models import (  # noqa: E402
    Case,
    CompanyDocument,
    CompanyPartner,
    CompanyRequest,
    LegalForm,
)
from filings.services.company import receipt_context  # noqa: E402
from hubs.models import Hub, Region  # noqa: E402


def sample():
    hub = Hub(name="Carré Casablanca")
    case = Case(kind="CO", year=2026, sequence=123, hub=hub, title="Atlas Dattes")
    legal_form = LegalForm(code="sarl", name_fr="SARL (société à responsabilité limitée)",
                           name_ar="شركة ذات مسؤولية محدودة (SARL)", name_en="SARL",
                           liability="limited", min_partners=2, max_partners=50)  # fmt: skip
    company = CompanyRequest(
        case=case, legal_form=legal_form, region=Region(code="06", seat="Casablanca"),
        activity="Export de dattes de Zagora et de produits du terroir vers l'Europe.\n"
                 "تصدير تمور زاكورة ومنتجات المجال.",
        name_1="Atlas Dattes", name_2="واحة الجنوب", name_3="Zagora Trading",
        capital=Decimal("100000"), office_kind="domiciliation",
        office_address="12 rue Allal Ben Abdallah, Casablanca",
        submitted_at=timezone.now() - datetime.timedelta(minutes=3),
    )  # fmt: skip
    partners = [
        CompanyPartner(full_name="Salma Bennani", id_type="cin", id_number="BE123456",
                       nationality="Marocaine", share=Decimal("50"), is_manager=True),
        CompanyPartner(full_name="يوسف العلوي", id_type="cin", id_number="J998877",
                       nationality="Marocaine", share=Decimal("30")),
        CompanyPartner(full_name="Jean Martin", id_type="passport", id_number="18FR44556",
                       nationality="Française", share=Decimal("20")),
    ]  # fmt: skip
    documents = [
        CompanyDocument(kind="id", original_name="cin-salma.pdf"),
        CompanyDocument(kind="id", original_name="بطاقة يوسف.jpg"),
        CompanyDocument(kind="domiciliation", original_name="contrat-domiciliation.pdf"),
    ]
    return company, partners, documents


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lang", nargs="+", default=["fr", "ar"])
    parser.add_argument("--out", default="var/bench")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    company, partners, documents = sample()
    for lang in args.lang:
        with translation.override(lang):
            context = receipt_context(company, partners=partners, documents=documents)
            start = time.perf_counter()
            pdf = render_pdf(template_name="pdf/company_receipt.html", context=context)
            cold = time.perf_counter() - start
            timings = []
            for _ in range(args.runs):
                start = time.perf_counter()
                pdf = render_pdf(template_name="pdf/company_receipt.html", context=context)
                timings.append(time.perf_counter() - start)
        path = out / f"company_receipt_{lang}.pdf"
        path.write_bytes(pdf)
        print(
            f"{lang}: median {statistics.median(timings) * 1000:.0f} ms over {args.runs} renders "
            f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}, "
            f"cold first render {cold * 1000:.0f} ms, {len(pdf) // 1024} KiB) -> {path}"
        )


if __name__ == "__main__":
    main()
