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
        # a thing being there or working, said positively or privatively: "is missing" = "is not present"
        ("present", "missing absent"),
        ("work works worked working", "broken"),
        # quantifiers with a negative partner: "nothing changed" vs "everything changed"
        ("always", "never"),
        ("everything everyone everybody", "nothing nobody"),
    ]
)
# A prefixed word replacing its stem is a flip too: mutable → immutable, available → unavailable.
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")
MIN_STEM = 5

# Words that negate the claim made by the next content word: "not allowed", "can't return", "no history".
NEGATION_WORDS = _words("not no never none nothing nobody neither nor cannot without unable")
# After a negation word these are skipped on the way to the word it negates ("is not even able to run").
NEGATION_SKIP = _words(
    "be been being is are was were am have has had do does did a an the any always ever even yet really "
    "necessarily currently actually longer able to get got it them of these those so too very quite fully"
)
# "not only X but also Y", "no matter what", "no doubt": a negation word that negates nothing.
NOT_NEGATING_AFTER = _words("only just merely matter doubt")
# Verbs whose "to"-complement is denied: "fails to start" = "doesn't start", "refused to pay" = "didn't pay".
PRIVATIVE_VERBS = _words("fail fails failed failing refuse refuses refused refusing unable")
# Particles that come in opposite pairs after the same verb or before the same noun: "turn on"/"turn off",
# "log in"/"log out", "scale up"/"scale down", "in stock"/"out of stock". Value: (axis, positive side).
PARTICLES: dict[str, tuple[str, bool]] = {
    "on": ("on", True),
    "off": ("on", False),
    "in": ("in", True),
    "out": ("in", False),
    "up": ("up", True),
    "down": ("up", False),
}
# Words restricting a statement to what they name: "on iOS only" drops every other platform.
RESTRICTIVE = _words("only exclusively solely")
# "one licence" says what "a licence" says; a lone "one" is a count only against a plural quantifier.
PLURAL_QUANTIFIERS = _words("all every both several multiple many")
# Derivational endings of a name's adjective or demonym: Europe → European, Japan → Japanese.
NAME_SUFFIXES = ("an", "ian", "ean", "n", "ese", "ish", "ic", "i", "y", "ans", "ians", "eans", "ns")

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

# Function words: prepositions, conjunctions, determiners, pronouns and sentence adverbs. Capitalised at a
# sentence start ("For strings, use ==", "However, …") they are never a name.
FUNCTION_WORDS = _words(
    "about above across after against along although among an and another any around as at because before "
    "behind below beneath beside besides between beyond both but by despite during each either every except "
    "for from given here how however if in including inside instead into it its like many meanwhile more "
    "most near next no nor of off on once onto or other otherwise out outside over per since so some such "
    "than that the their then there therefore these they this those though through throughout thus to "
    "toward towards under unless unlike until upon via what whatever when whenever where whereas whether "
    "which while who whom whose why with within without yet also still just only even now again finally "
    "first next often usually sometimes always never both either neither"
)

# Words that follow a sentence's subject ("Tokyo is", "Google will"): tells a named subject from an imperative.
AUXILIARIES = _words("is are was were has have had will would can could should may might must does did")
