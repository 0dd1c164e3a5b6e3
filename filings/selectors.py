"""Reads that enforce access: a view never fetches a case or pre-filing any other way."""

import re

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from core.inputs import search_text

from .access import advised_hub_ids, can_view_item
from .models import GoodsServicesTerm, NiceClass, PreFilingStatus, TrademarkPreFiling
from .search.normalize import strip_accents


def prefiling_get_for_user(*, user, public_id) -> TrademarkPreFiling:
    try:
        prefiling = TrademarkPreFiling.objects.select_related(
            "case__hub", "case__owner", "case__advisor"
        ).get(public_id=public_id)
    except (TrademarkPreFiling.DoesNotExist, ValueError):
        raise Http404 from None
    if not can_view_item(user, prefiling):
        raise PermissionDenied
    return prefiling


def prefilings_of_owner(*, user):
    return (
        TrademarkPreFiling.objects.filter(case__owner=user)
        .select_related("case__hub")
        .order_by("-case__created_at")
    )


def prefilings_to_review(*, user, status: str = ""):
    """Pre-filings of the hubs the user advises (drafts stay private to their author)."""
    qs = (
        TrademarkPreFiling.objects.filter(case__hub_id__in=advised_hub_ids(user))
        .exclude(status=PreFilingStatus.DRAFT)
        .select_related("case__hub", "case__owner", "case__advisor")
        .order_by("-case__updated_at")
    )
    if status:
        qs = qs.filter(status=status)
    return qs


def case_history(*, prefiling):
    return prefiling.case.events.select_related("actor").order_by("at", "pk")


def _fold(text: str) -> str:
    return strip_accents(text).lower()


_WORD = re.compile(r"\w{3,}")


def nice_search(*, query: str) -> dict:
    """Classes and terms matching a keyword, in any of the three languages."""
    query = search_text(query, max_length=100)
    if not query:
        return {"classes": [], "terms": []}
    q = Q()
    for field in ("heading_fr", "heading_ar", "heading_en"):
        q |= Q(**{f"{field}__icontains": query})
    # isdecimal, not isdigit: '²' is a digit that int() refuses; '٣٥' is class 35.
    classes = list(NiceClass.objects.filter(q)) if not query.isdecimal() else []
    if query.isdecimal():
        classes = list(NiceClass.objects.filter(number=int(query)))
    tq = Q()
    for field in ("term_fr", "term_ar", "term_en"):
        tq |= Q(**{f"{field}__icontains": query})
    terms = list(GoodsServicesTerm.objects.filter(tq).select_related("nice_class")[:50])
    return {"classes": classes, "terms": terms}


def classes_suggested_for(*, description: str, limit: int = 5) -> list[tuple[NiceClass, int]]:
    """Classes whose headings and terms share the most words with the activity described."""
    words = {_fold(w) for w in _WORD.findall(description[:1000])}
    words = {w.rstrip("s") for w in words if w not in _STOP_WORDS}
    if not words:
        return []
    scores: dict[int, int] = {}
    texts = [
        (c.number, f"{c.heading_fr} {c.heading_ar} {c.heading_en}") for c in NiceClass.objects.all()
    ] + [
        (t.nice_class_id, f"{t.term_fr} {t.term_ar} {t.term_en}")
        for t in GoodsServicesTerm.objects.all()
    ]
    for number, text in texts:
        tokens = {w.rstrip("s") for w in _WORD.findall(_fold(text))}
        hits = len(words & tokens)
        if hits:
            scores[number] = scores.get(number, 0) + hits
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    classes = NiceClass.objects.in_bulk([number for number, _ in best])
    return [(classes[number], score) for number, score in best]


_STOP_WORDS = {
    "les", "des", "une", "pour", "avec", "dans", "sur", "the", "and", "for", "with", "que",
    "qui", "est", "sont", "nous", "vous", "produit", "produits", "vend", "vendre", "sell",
    "make", "fabrique", "fabriquer", "من", "في", "على", "our", "notre", "nos",
}  # fmt: skip
