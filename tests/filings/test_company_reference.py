from decimal import Decimal

from django.contrib import admin

from filings.models import CompanyDelay, CompanyRequest, LegalForm, NameWord
from filings.services import company as services


def test_reference_data_is_seeded_and_editable_in_the_admin(db):
    assert set(LegalForm.objects.values_list("code", flat=True)) >= {"sarl", "sarl-au", "sa"}
    assert NameWord.objects.filter(kind=NameWord.Kind.MISLEADING).exists()
    assert CompanyDelay.days_for(CompanyDelay.Key.CERTIFICATE_VALIDITY) == 90
    for model in (LegalForm, NameWord, CompanyDelay, CompanyRequest):
        assert admin.site.is_registered(model)


def test_the_checks_follow_the_data(db):
    sarl = LegalForm.objects.get(code="sarl")
    assert services.company_capital_problems(legal_form=sarl, capital=Decimal(1)) == []
    sarl.minimum_capital = Decimal(10000)
    sarl.save()
    assert services.company_capital_problems(legal_form=sarl, capital=Decimal(1))
    NameWord.objects.create(word="officiel", kind=NameWord.Kind.FORBIDDEN)
    assert services.company_name_problems("Atlas Officiel")


def test_requests_cannot_be_changed_in_the_admin(rf, db):
    model_admin = admin.site._registry[CompanyRequest]
    assert not model_admin.has_change_permission(rf.get("/"))
