"""Word lists behind the change checks: antonyms, units, currencies, dates and per-language stopwords."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The set of space-separated words in `text`."""
    return frozenset(text.split())


# Pairs of opposite meanings that LLM answers flip without any negation word. Each side lists its
# inflected forms; a flip is one side's word leaving the text while the other side's word arrives.
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (_words(a), _words(b))
    for a, b in [
        ("return returns returned returning", "raise raises raised raising throw throws threw thrown throwing"),
        ("succeed succeeds succeeded succeeding success successful", "fail fails failed failing failure"),
        ("allow allows allowed allowing permit permits permitted", "forbid forbids forbidden prohibit prohibited"),
        ("increase increases increased increasing", "decrease decreases decreased decreasing"),
        ("rise rises rose risen rising", "fall falls fell fallen falling drop drops dropped"),
        ("higher", "lower"),
        ("more", "less fewer"),
        ("before", "after"),
        ("required mandatory compulsory", "optional"),
        ("open opens opened", "closed close closes"),
        ("enable enables enabled enabling", "disable disables disabled disabling"),
        (
            "approve approves approved approving",
            "reject rejects rejected rejecting deny denies denied decline declined",
        ),
        ("accept accepts accepted accepting", "reject rejects rejected rejecting decline declines declined"),
        ("true", "false"),
        ("above over", "below under"),
        ("maximum max", "minimum min"),
        ("public", "private"),
        ("synchronous sync synchronously", "asynchronous async asynchronously"),
        ("add adds added adding", "remove removes removed removing"),
        ("positive", "negative"),
        ("pass passes passed passing", "fail fails failed failing"),
        ("safe", "unsafe dangerous"),
        ("online", "offline"),
        ("first earliest", "last latest"),
        ("start starts started beginning", "end ends ended"),
        ("inside internal", "outside external"),
        ("upload uploads uploaded", "download downloads downloaded"),
        ("upgrade upgrades upgraded", "downgrade downgrades downgraded"),
        ("ascending", "descending"),
        ("inclusive", "exclusive"),
        ("buy buys bought", "sell sells sold"),
        ("win wins won", "lose loses lost"),
        ("same", "different"),
        ("free", "paid"),
        ("hot", "cold"),
        ("light", "dark"),
        ("stable", "unstable"),
    ]
)
# A prefixed word replacing its stem is a flip too: mutable → immutable, available → unavailable.
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")
MIN_STEM = 5

# Words after a number that say what it counts; two quantities with different units differ.
UNITS = {
    **{w: "second" for w in ("second", "seconds", "sec", "secs")},
    **{w: "minute" for w in ("minute", "minutes", "min", "mins")},
    **{w: "hour" for w in ("hour", "hours", "hr", "hrs", "h")},
    **{w: "day" for w in ("day", "days")},
    **{w: "week" for w in ("week", "weeks")},
    **{w: "month" for w in ("month", "months")},
    **{w: "year" for w in ("year", "years")},
    **{w: "ms" for w in ("ms", "millisecond", "milliseconds")},
    **{w.lower(): w for w in ("KB", "MB", "GB", "TB")},
    **{w: "kg" for w in ("kg", "kilogram", "kilograms", "kilo", "kilos")},
    **{w: "km" for w in ("km", "kilometre", "kilometres", "kilometer", "kilometers")},
}
CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹"}
CURRENCY_WORDS = {
    **{w: "$" for w in ("dollar", "dollars", "usd")},
    **{w: "€" for w in ("euro", "euros", "eur")},
    **{w: "£" for w in ("pound", "pounds", "gbp", "quid")},
    **{w: "¥" for w in ("yen", "jpy")},
    **{w: "₹" for w in ("rupee", "rupees", "inr")},
}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip

# Frequent function words that identify a language; only words that are rare in the others count.
LANGUAGE_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and is are you your to of for with this that it we will be can has have was not our they "
        "from by at an or if please"
    ),
    "fr": _words(
        "le les des du est et vous votre vos nous pour avec une dans sur sont pas ce qui au aux je merci être été"
    ),
    "es": _words("el los las es y que del por para con una su sus se lo al está son usted gracias nuestro nuestra"),
    "de": _words("der die das und ist sie ihre ihr wir nicht mit für ein eine auf dem den zu von wurde bitte"),
    "it": _words("il lo gli di che è per con non sono della del alla nel questo questa grazie"),
    "pt": _words("os é não para com uma foi são da dos das em você obrigado"),
    "nl": _words("het een van niet met voor zijn ons wij"),
}

# Words that follow a sentence's subject ("Tokyo is", "Google will"): tells a named subject from an imperative.
AUXILIARIES = _words("is are was were has have had will would can could should may might must does did")
