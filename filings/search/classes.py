"""Which Nice classes an examiner is likely to find close to each other.

A starting point from common opposition practice (goods and the services that sell, serve or
repair them; food and drink; cosmetics and pharmacy). Kept small on purpose: an unrelated
class lowers a risk, it never hides a mark.
"""

_PAIRS = [
    (3, 5), (3, 44), (5, 10), (5, 44), (9, 38), (9, 42), (9, 41), (16, 41), (14, 25),
    (18, 25), (24, 25), (25, 35), (18, 35), (14, 35), (3, 35), (29, 30), (29, 31),
    (30, 31), (29, 43), (30, 43), (32, 33), (32, 43), (33, 43), (30, 32), (35, 42),
    (36, 35), (39, 43), (41, 42), (11, 21), (20, 21), (7, 8), (12, 37), (37, 39),
]  # fmt: skip

RELATED_CLASSES: dict[int, frozenset[int]] = {}
for _a, _b in _PAIRS:
    RELATED_CLASSES[_a] = RELATED_CLASSES.get(_a, frozenset()) | {_b}
    RELATED_CLASSES[_b] = RELATED_CLASSES.get(_b, frozenset()) | {_a}


def class_relation(query_classes, mark_classes) -> str:
    """'same', 'related', 'other', or '' when the query names no class."""
    query = set(query_classes)
    if not query:
        return ""
    mark = set(mark_classes)
    if query & mark:
        return "same"
    if any(RELATED_CLASSES.get(c, frozenset()) & mark for c in query):
        return "related"
    return "other"
