"""Rank the earlier marks of the register against a proposed mark.

Two stages. Candidates come from indexes (btree on the sorted phonetic key, the visual key, the
consonant skeleton and the visual key's sorted letters, which swapped letters share; pg_trgm GIN
on the phonetic key), so a query reads a few hundred rows whatever the register's size. Then
every candidate is scored in Python and given reasons a person can check.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from .classes import class_relation
from .normalize import MarkKeys, mark_keys, script_of

REASONS = {
    "sounds_like": _("sounds like"),
    "looks_like": _("looks like"),
    "contains": _("contains"),
    "transliteration": _("same after transliteration"),
    "same_class": _("same class"),
    "related_class": _("related class"),
}
RISKS = {"high": _("high"), "medium": _("medium"), "low": _("low"), "none": _("none found")}
HIGH, MEDIUM, FLOOR = 85, 70, 55

_TRGM_LIMIT = 150
# pg_trgm's default (0.3) lets short keys match tens of thousands of rows, which costs heap
# reads at a million marks. 0.45 halves the heap pages read against 0.4 (EXPLAIN BUFFERS over
# bench/trademark_speed.py's queries) and still keeps one substituted letter in a 7-letter key
# (NIAPYKY/NIAPYCY: 0.45); swapped letters are the sorted-letters channel's job.
TRGM_THRESHOLD = 0.45
_KEY_LIMIT = 300
_COLUMNS = (
    "id, number, mark, nice_classes, script, key_visual, key_phonetic, key_phonetic_sorted, "
    "key_skeleton"
)


@dataclass
class Match:
    number: str
    mark: str
    nice_classes: list[int]
    score: int
    risk: str
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "mark": self.mark,
            "nice_classes": self.nice_classes,
            "score": self.score,
            "risk": self.risk,
            "reasons": self.reasons,
        }


def _candidates(keys: MarkKeys) -> list[tuple]:
    exact_keys = [keys.phonetic_sorted, *keys.words]
    sql = f"""
        SELECT {_COLUMNS} FROM filings_registermark WHERE id IN (
            SELECT id FROM filings_registermark WHERE key_phonetic_sorted = ANY(%(exact)s)
            UNION ALL
            (SELECT id FROM filings_registermark WHERE key_skeleton = %(skeleton)s
             LIMIT {_KEY_LIMIT})
            UNION ALL
            (SELECT id FROM filings_registermark WHERE key_phonetic %% %(phonetic)s
             ORDER BY key_phonetic <-> %(phonetic)s LIMIT {_TRGM_LIMIT})
            UNION ALL
            (SELECT id FROM filings_registermark WHERE key_visual = %(visual)s
             LIMIT {_KEY_LIMIT})
            UNION ALL
            (SELECT id FROM filings_registermark
             WHERE filings_sorted_letters(key_visual) = %(letters)s LIMIT {_KEY_LIMIT})
        )
    """  # noqa: S608 -- only our constants are interpolated; values are parameters.
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_limit(%s)", [TRGM_THRESHOLD])
        cursor.execute(
            sql,
            {
                "exact": [k for k in exact_keys if k],
                # A mark of vowels or digits only ("Aya", "0") has no skeleton: NULL matches
                # nothing (PostgreSQL refuses a NUL character in text).
                "skeleton": keys.skeleton or None,
                "phonetic": keys.phonetic or keys.visual,
                "visual": keys.visual,
                "letters": "".join(sorted(keys.visual)),
            },
        )
        return cursor.fetchall()


def score_candidate(keys: MarkKeys, query_script: str, row: tuple, classes) -> Match | None:
    _, number, text, nice_classes, script, visual, phonetic, phonetic_sorted, skeleton = row
    reasons = []
    # Letters of two scripts do not look alike: across scripts only sound and skeleton count.
    cross_script = {script, query_script} == {"arabic", "latin"}
    looks = 0 if cross_script else fuzz.ratio(keys.visual, visual)
    sounds = max(
        fuzz.ratio(keys.phonetic_sorted, phonetic_sorted),
        fuzz.token_sort_ratio(keys.phonetic, phonetic),
    )
    score = max(looks, sounds)
    if sounds >= 80:
        reasons.append("sounds_like")
    if looks >= 80:
        reasons.append("looks_like")
    query_words, mark_words = set(keys.words), set(phonetic.split())
    if mark_words and (
        (mark_words < query_words)
        or (
            not cross_script
            and len(visual) >= 3
            and visual in keys.visual
            and visual != keys.visual
        )
    ):
        reasons.append("contains")
        score = max(score, 88)
    if (
        skeleton
        and skeleton == keys.skeleton
        and cross_script
        and (len(skeleton) >= 3 or sounds >= 60)
    ):
        reasons.append("transliteration")
        score = max(score, 92)
    # Between Latin spellings a three-consonant skeleton collides by chance at a million marks.
    elif skeleton and skeleton == keys.skeleton and len(skeleton) >= 4 and sounds >= 60:
        # Latin spellings of one Arabic name (Mohamed, Muhammad) share their consonants.
        if "sounds_like" not in reasons:
            reasons.append("sounds_like")
        score = max(score, 86)
    mark_classes = [int(c) for c in nice_classes.split()]
    relation = class_relation(classes, mark_classes)
    if relation == "same":
        reasons.append("same_class")
    elif relation == "related":
        reasons.append("related_class")
        score -= 7
    elif relation == "other":
        score -= 30
    if score < FLOOR:
        return None
    risk = "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"
    return Match(number, text, mark_classes, int(round(score)), risk, reasons)


def marks_similar_to(text: str, *, classes=(), limit: int = 10) -> list[Match]:
    """The earlier marks most likely to stand in the way of ``text``, riskiest first."""
    keys = mark_keys(text)
    if not (keys.visual or keys.phonetic):
        return []
    classes = [int(c) for c in classes]
    rows = _candidates(keys)
    query_script = script_of(text)
    matches = [m for row in rows if (m := score_candidate(keys, query_script, row, classes))]
    matches.sort(key=lambda m: (-m.score, m.mark, m.number))
    return matches[:limit]


def explain_report(report: dict) -> dict:
    """Add labels in the active language to a stored report (stored reports keep codes)."""
    if not report:
        return report
    report = dict(report)
    report["highest_risk_label"] = str(RISKS.get(report.get("highest_risk"), "—"))
    report["results"] = [
        dict(
            r,
            risk_label=str(RISKS[r["risk"]]),
            reason_labels=[str(REASONS[code]) for code in r["reasons"]],
        )
        for r in report.get("results", [])
    ]
    return report
