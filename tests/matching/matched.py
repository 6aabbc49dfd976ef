"""What the matcher makes of a name said alone, for the matcher tests."""
from __future__ import annotations

from foodca.matching.matcher import Matcher
from foodca.nlp.items import SplitItem


def matched_name(matcher: Matcher, text: str, **fields) -> str | None:
    language = "en" if text.isascii() else "zh"
    result = matcher.match(SplitItem(said=text, name=text, language=language, **fields))
    return matcher.index.names[result.position] if result.status == "matched" else None
