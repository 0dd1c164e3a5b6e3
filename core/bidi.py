"""Plain text's <bdi>: a user's words or a left-to-right token set apart inside a sentence.

Notifications and plain-text emails have no markup; Unicode's first-strong isolate (U+2068) and
pop directional isolate (U+2069) keep "CR-2026-000005" or "KOKA KOLLA" in their own order
inside an Arabic sentence, and are invisible otherwise.
"""

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolate(value) -> str:
    text = str(value)
    if not text:
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
