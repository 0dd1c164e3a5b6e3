"""The search must catch every kind of confusion the office looks for, and not cry wolf."""

import pytest

from filings.search.engine import marks_similar_to
from filings.search.normalize import latin_to_arabic, mark_keys
from tests.filings.factories import register

EARLIER = [
    ("M-1", "PHARMAVIE", "5"),
    ("M-2", "QUALIKA", "30"),
    ("M-3", "LUMINOR", "9"),
    ("M-4", "SOLEIL D'OR", "3"),
    ("M-5", "CAFÉ DES ARTS", "43"),
    ("M-6", "DAR MOHAMED", "43"),
    ("M-7", "AICHA", "30"),
    ("M-8", "نور", "3"),
    ("M-9", "BARAKA", "32"),
    ("M-10", "KOALA KIDS", "25"),
    ("M-11", "كوثر", "3"),
    ("M-12", "OUAFA", "29"),
    ("M-13", "ZENITRA", "12"),
]
# Unrelated marks in the same classes, so a hit is a choice and not the only row.
DISTRACTORS = [
    (f"D-{i}", word, cls)
    for i, (word, cls) in enumerate(
        [("MARBELLA", "43"), ("SOLARIS", "3"), ("TECHNOVA", "9"), ("KOUTOUBIA", "30"),
         ("ATLAS", "39"), ("BIOSOFT", "9"), ("SAHARA", "43"), ("PHARMACIA", "5")]
    )
]  # fmt: skip


@pytest.fixture
def earlier_marks(db):
    register(*EARLIER, *DISTRACTORS)


@pytest.mark.parametrize(
    ("query", "classes", "expected", "reason"),
    [
        ("FARMAVIE", [5], "M-1", "sounds_like"),  # PH/F
        ("KALIKA", [30], "M-2", "sounds_like"),  # QU/K, C/K
        ("WAFA", [29], "M-12", "sounds_like"),  # OU/W
        ("LUMINORE", [9], "M-3", "sounds_like"),  # silent final letter
        ("PHARMMAVIE", [5], "M-1", "sounds_like"),  # doubled letter
        ("LUM1NOR", [9], "M-3", "looks_like"),  # 1 for I
        ("S0LEIL D'OR", [3], "M-4", "looks_like"),  # 0 for O
        ("ZEN3TRA", [12], "M-13", "looks_like"),  # 3 for E
        ("CAFE DES ARTS", [43], "M-5", "looks_like"),  # accent
        ("SOLEIL-DOR", [3], "M-4", "looks_like"),  # hyphen and apostrophe
        ("PHARMA VIE", [5], "M-1", "looks_like"),  # space
        ("KIDS KOALA", [25], "M-10", "sounds_like"),  # word order
        ("PHARMAVIE MAROC", [5], "M-1", "contains"),  # generic word added
        ("BARAKA SHOP", [32], "M-9", "contains"),
        ("PREMIUM LUMINOR", [9], "M-3", "contains"),
        ("LUMNIOR", [9], "M-3", "looks_like"),  # typo
        ("عائشة", [30], "M-7", "transliteration"),  # Arabic query, Latin earlier mark
        ("دار محمد", [43], "M-6", "transliteration"),
        ("NOUR", [3], "M-8", "transliteration"),  # Latin query, Arabic earlier mark
        ("KAOUTAR", [3], "M-11", "transliteration"),
        ("DAR MUHAMMAD", [43], "M-6", "sounds_like"),  # Latin spellings of one name
        ("AISHA", [30], "M-7", "sounds_like"),
    ],
)
def test_search_finds_the_earlier_mark_for_each_kind_of_variant(
    earlier_marks, query, classes, expected, reason
):
    results = marks_similar_to(query, classes=classes, limit=5)
    found = {m.number: m for m in results}
    assert expected in found, [(m.mark, m.score) for m in results]
    assert reason in found[expected].reasons
    assert found[expected].risk == "high"
    assert "same_class" in found[expected].reasons


@pytest.mark.parametrize(
    ("query", "classes"),
    [
        ("ZENITH", [3]),
        ("TAFILALT", [29]),
        ("MEDINA", [30]),
        ("FASTLANE", [37]),
        ("BARAKA", [9]),  # same name, unrelated class
        ("NOUREDDINE", [3]),
    ],
)
def test_unrelated_names_or_classes_do_not_raise_a_high_risk(earlier_marks, query, classes):
    results = marks_similar_to(query, classes=classes, limit=5)
    assert all(m.risk != "high" for m in results), [(m.mark, m.score) for m in results]


def test_same_name_ranks_same_class_above_related_above_unrelated(db):
    register(("A", "KOALA", "9"), ("B", "KOALA", "35"), ("C", "KOALA", "25"))
    results = marks_similar_to("KOALA", classes=[25], limit=5)
    assert [m.number for m in results] == ["C", "B", "A"]
    assert results[0].reasons[-1] == "same_class"
    assert "related_class" in results[1].reasons
    assert results[2].risk != "high"


def test_empty_or_punctuation_only_query_returns_nothing(earlier_marks):
    assert marks_similar_to("", classes=[]) == []
    assert marks_similar_to(" -- '' ", classes=[3]) == []


@pytest.mark.parametrize("query", ["AYA", "0", "EAU", "OUI 2"])
def test_a_mark_of_vowels_or_digits_only_is_searched_like_any_other(earlier_marks, query):
    # No consonant skeleton: the search must still answer (it once sent PostgreSQL a NUL).
    register(("V-1", query, "3"))
    assert "V-1" in [match.number for match in marks_similar_to(query, classes=[3])]


def test_keys_fold_the_usual_spellings_together():
    assert mark_keys("Mohamed").skeleton == mark_keys("Muhammad").skeleton == "mhmd"
    assert mark_keys("محمد").skeleton == "mhmd"
    assert mark_keys("Aïcha").phonetic == mark_keys("Aisha").phonetic
    assert mark_keys("L'ORÉAL").visual == mark_keys("lo real").visual
    assert mark_keys("N1KE").visual == mark_keys("NIKE").visual
    assert mark_keys("NIKE MAROC").phonetic == mark_keys("nike").phonetic


def test_latin_to_arabic_gives_a_plausible_spelling():
    assert latin_to_arabic("Nour") == "نور"
    assert mark_keys(latin_to_arabic("Kawtar")).skeleton == mark_keys("KAWTAR").skeleton
