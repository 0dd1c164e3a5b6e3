"""Deterministic synthetic register rows: pronounceable Latin marks and some Arabic ones."""

import random

_ONSETS = [
    "b",
    "k",
    "d",
    "f",
    "g",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "ch",
    "tr",
    "br",
    "gr",
    "pl",
    "st",
    "h",
    "j",
    "y",
    "w",
    "kr",
    "fl",
    "sk",
    "x",
    "qu",
    "ph",
]
_VOWELS = ["a", "e", "i", "o", "u", "ou", "ai", "ia", "io", "ea", "y"]
_CODAS = ["", "", "", "n", "r", "s", "l", "x", "m", "k", "t", "nd", "rt"]
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_WORDS2 = ["MAROC", "SHOP", "PREMIUM", "GROUP", "BIO", "TECH", "FOOD", "PLUS", "DESIGN",
           "HOME", "CONSEIL", "STORE", "KIDS", "SPORT", "AUTO", "PHARMA", "TEX", "NET"]  # fmt: skip
STATUSES = ["registered"] * 6 + ["filed", "published", "expired"]


def latin_word(rng: random.Random) -> str:
    syllables = rng.choice([2, 2, 3, 3, 3, 4])
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
    return (word + rng.choice(_CODAS)).upper()


def arabic_word(rng: random.Random) -> str:
    return "".join(rng.choice(_ARABIC) for _ in range(rng.randint(3, 6)))


def synthetic_mark(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return arabic_word(rng) if rng.random() < 0.7 else f"{arabic_word(rng)} {arabic_word(rng)}"
    first = latin_word(rng)
    roll = rng.random()
    if roll < 0.25:
        return f"{first} {rng.choice(_WORDS2)}"
    if roll < 0.35:
        return f"{first} {latin_word(rng)}"
    return first


def synthetic_rows(count: int, *, seed: int = 5, prefix: str = "S"):
    rng = random.Random(seed)
    for i in range(count):
        classes = sorted(set(rng.choices(range(1, 46), k=rng.choice([1, 1, 2, 3]))))
        year = rng.randint(1995, 2025)
        yield [
            f"{prefix}-{i:07d}",
            synthetic_mark(rng),
            " ".join(map(str, classes)),
            f"Owner {i % 50000}",
            rng.choice(STATUSES),
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]
