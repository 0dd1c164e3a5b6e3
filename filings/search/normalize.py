"""The keys a mark is compared on, computed once at import and again for each query.

Three views of the same text, each catching a different kind of confusion:
- ``visual``: what the eye sees (accents, case, look-alike digits, spacing and punctuation);
- ``phonetic``: what a French or English speaker hears (PH/F, C/K/Q, OU/W, silent and doubled
  letters), word by word;
- ``skeleton``: the consonants only, which is what Arabic script writes, so a Latin spelling
  and an Arabic one of the same name meet there (Mohamed, Muhammad, محمد -> mhmd).
"""

import re
import unicodedata
from dataclasses import dataclass

# Words that add nothing distinctive: an earlier mark plus one of these is the earlier mark.
GENERIC_WORDS = frozenset(
    """
    maroc morocco marocain marocaine almaghrib maghrib shop store boutique premium plus pro
    group groupe company compagnie co sarl sa sas ltd inc international intl global world
    the le la les el al de des du of and et services service official officiel original
    new nouveau nouvelle best top market online digital express
    """.split()  # noqa: SIM905
)

_ARABIC_TO_LATIN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "ch",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "k",
    "ك": "k", "ڭ": "g", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "ou",
    "ي": "i", "ى": "a", "ة": "a", "ء": "", "ئ": "i", "ؤ": "ou", "پ": "p", "ڤ": "v",
    "ـ": "", "،": " ",
}  # fmt: skip
# Short vowels and shadda are usually absent; when present they only mark vowels or doubling.
_ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")

_LATIN_TO_ARABIC_DIGRAPHS = [
    ("kh", "خ"), ("gh", "غ"), ("ch", "ش"), ("sh", "ش"), ("th", "ث"), ("dh", "ذ"),
    ("ou", "و"), ("oo", "و"), ("ph", "ف"),
]  # fmt: skip
_LATIN_TO_ARABIC = {
    "a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "", "f": "ف", "g": "ج", "h": "ه", "i": "ي",
    "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "p": "ب", "q": "ق", "r": "ر",
    "s": "س", "t": "ت", "u": "و", "v": "ف", "w": "و", "x": "كس", "y": "ي", "z": "ز",
}  # fmt: skip

# Look-alikes resolved towards the letter a reader would take them for.
_LOOK_ALIKES = str.maketrans(
    {"0": "o", "1": "l", "|": "l", "!": "i", "3": "e", "4": "a", "5": "s", "$": "s", "@": "a",
     "7": "t", "8": "b", "€": "e", "ı": "i"}
)  # fmt: skip
# Digits read as letters inside a word when it is heard rather than seen.
_SPOKEN_DIGITS = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "$": "s",
        "@": "a",
        "7": "t",
        "8": "b",
        "|": "i",
        "!": "i",
        "€": "e",
    }
)
_APOSTROPHES = re.compile(r"['’`´]")
_SEPARATORS = re.compile(r"[\s\-_.,/&+*:;\"()]+")


def script_of(text: str) -> str:
    arabic = len(_ARABIC_LETTERS.findall(text))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if arabic and latin:
        return "mixed"
    return "arabic" if arabic else "latin"


_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])ال(?=[\u0600-\u06ff]{2})")


def arabic_to_latin(text: str) -> str:
    # The article (al-, el-, es-...) is spelt so many ways in Latin letters that it is dropped,
    # as the generic words are.
    text = _ARABIC_ARTICLE.sub("", _ARABIC_DIACRITICS.sub("", text))
    return "".join(_ARABIC_TO_LATIN.get(ch, ch) for ch in text)


def latin_to_arabic(text: str) -> str:
    """A plausible Arabic spelling of a Latin word (short vowels dropped, as usually written)."""
    text = strip_accents(text.lower())
    for latin, arabic in _LATIN_TO_ARABIC_DIGRAPHS:
        text = text.replace(latin, arabic)
    out = []
    for i, ch in enumerate(text):
        arabic = _LATIN_TO_ARABIC.get(ch)
        if arabic is None:
            out.append(ch)
        elif ch in "aeiou" and 0 < i < len(text) - 1 and ch not in "ou":
            # Inner short vowels are not written in Arabic script.
            continue
        else:
            out.append(arabic)
    return "".join(out)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _latin_words(text: str, *, seen: bool) -> list[str]:
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text))
    if _ARABIC_LETTERS.search(text):
        text = arabic_to_latin(text)
    text = text.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("Œ", "oe")
    text = strip_accents(text)
    if seen:
        # A capital I and a lowercase l are the same stroke: fold both before lowercasing.
        text = text.replace("I", "l").lower().translate(_LOOK_ALIKES)
    else:
        text = text.lower().translate(_SPOKEN_DIGITS)
    return [word for word in _SEPARATORS.split(text) if word]


def _alnum(word: str) -> str:
    return "".join(ch for ch in word if ch.isalnum())


def visual_key(text: str) -> str:
    """What the eye sees, with spaces, hyphens and apostrophes gone and look-alikes folded."""
    return "".join(_alnum(word) for word in _latin_words(text, seen=True)).replace("i", "l")


_PHONETIC_RULES = [
    (re.compile(r"ph"), "f"),
    (re.compile(r"(sch|sh|ch)"), "x"),
    (re.compile(r"kh"), "x"),  # خ: Moroccan spellings alternate kh/h/x
    (re.compile(r"gh"), "r"),  # غ, and the French guttural r
    (re.compile(r"th"), "t"),
    (re.compile(r"qu"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"z"), "s"),
    (re.compile(r"g(?=[eiy])"), "j"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"(ou|oo|w|u)"), "u"),
    (re.compile(r"(eau|au|o)"), "o"),
    (re.compile(r"(ai|ei|ay|ey|é|è)"), "e"),
    (re.compile(r"y"), "i"),
    (re.compile(r"v"), "f"),
    (re.compile(r"(?<![a-z])h|(?<=[aeiou])h(?![aeiou])"), ""),  # silent h
]
# Letters a French speaker does not pronounce at the end of a word.
_SILENT_ENDINGS = re.compile(r"(?<=.{2})(e|es|s|t|ts|d|ds|x|z|nt)$")
_DOUBLES = re.compile(r"(.)\1+")


def phonetic_word(word: str) -> str:
    word = _alnum(word)
    if not word:
        return ""
    word = _SILENT_ENDINGS.sub("", word) if len(word) > 3 else word
    for pattern, replacement in _PHONETIC_RULES:
        word = pattern.sub(replacement, word)
    return _DOUBLES.sub(r"\1", word)


def skeleton_word(word: str) -> str:
    """Consonants only, in the spelling Arabic script would give (no vowels, no doubling)."""
    word = _alnum(word)
    for pattern, replacement in _PHONETIC_RULES[:12]:
        word = pattern.sub(replacement, word)
    word = re.sub(r"[aeiouyw]", "", word)
    return _DOUBLES.sub(r"\1", word)


@dataclass(frozen=True)
class MarkKeys:
    visual: str  # look-alikes folded, no separators
    phonetic: str  # phonetic words, generic words removed, in order, space-separated
    phonetic_sorted: str  # same words sorted and joined: word order does not matter
    skeleton: str  # consonant skeleton of the distinctive words, sorted and joined
    words: tuple[str, ...]  # phonetic form of each distinctive word


def mark_keys(text: str) -> MarkKeys:
    raw_words = [_alnum(word) for word in _latin_words(text, seen=False)]
    raw_words = [word for word in raw_words if word]
    distinctive = [word for word in raw_words if word not in GENERIC_WORDS] or raw_words
    phonetic = [p for p in (phonetic_word(word) for word in distinctive) if p]
    skeletons = [s for s in (skeleton_word(word) for word in distinctive) if s]
    return MarkKeys(
        visual=visual_key(text)[:200],
        phonetic=" ".join(phonetic)[:200],
        phonetic_sorted="".join(sorted(phonetic))[:200],
        skeleton="".join(sorted(skeletons))[:200],
        words=tuple(phonetic),
    )
