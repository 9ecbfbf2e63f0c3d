"""Word lists behind the change checks: antonyms, units, currencies, dates and per-language stopwords."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The set of space-separated words in `text`."""
    return frozenset(text.split())


def _inflected(verb: str, said: str, past: str = "", participle: str = "") -> dict[str, str]:
    """The forms of a regular verb (or one whose past and participle are given), each with the form of `said`, a
    regular verb ending in "e": ("count", "reduce") → {"count": "reduce", "counts": "reduces", "counted": "reduced",
    "counting": "reducing"}."""
    stem = said.removesuffix("e")
    forms = {verb: said, f"{verb}s": f"{said}s", f"{verb}ing": f"{stem}ing"}
    return {**forms, (past or f"{verb}ed"): f"{stem}ed", (participle or past or f"{verb}ed"): f"{stem}ed"}


# Pairs of opposite meanings that LLM answers flip without any negation word. Each side lists its
# inflected forms; a flip is one side's word leaving the text while the other side's word arrives.
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (_words(a), _words(b))
    for a, b in [
        ("return returns returned returning", "raise raises raised raising throw throws threw thrown throwing"),
        # passing is succeeding, one concept against failing: "the lint stage passed" = "lint succeeded"
        (
            "succeed succeeds succeeded succeeding success successful successfully pass passes passed passing",
            "fail fails failed failing failure",
        ),
        # permission, one concept however it is worded: "allows" = "permits" = "accepts", against "blocks" = "denies";
        # "lets" too ("VACUUM lets reads carry on" = "allows reads to carry on"), but not "let", whose imperative asks
        # ("let me know") or has something done ("let it cool")
        (
            "allow allows allowed allowing permit permits permitted permitting accept accepts accepted accepting "
            "approve approves approved approving grant grants granted granting lets",
            "forbid forbids forbade forbidden forbidding prohibit prohibits prohibited prohibiting block blocks "
            "ban bans banned banning "
            "blocked blocking deny denies denied denying reject rejects rejected rejecting decline declines "
            "declined declining refuse refuses refused refusing disallow disallows disallowed disallowing "
            "revoke revokes revoked revoking off-limits",
        ),
        # an access list, which allows or blocks what is on it: "add the address to the allowlist" / "the denylist"
        (
            "allowlist allowlists allowlisted whitelist whitelists whitelisted",
            "denylist denylists denylisted blocklist blocklists blocklisted blacklist blacklists blacklisted",
        ),
        (
            "increase increases increased increasing grow grows grew grown growing",
            "decrease decreases decreased decreasing reduce reduces reduced reducing shrink shrinks shrank shrinking",
        ),
        ("rise rises rose risen rising", "fall falls fell fallen falling drop drops dropped"),
        ("high higher highest", "low lower lowest"),
        ("more", "less fewer"),
        ("before beforehand ahead", "after afterwards"),
        ("forward forwards", "backward backwards"),
        # "earlier"/"later"/"sooner" only compare two times with a quantity or "than" ("10 minutes earlier", "later
        # than usual"); "later today", "as said earlier" compare nothing (TIME_COMPARATIVES)
        ("early earlier sooner", "late later"),
        ("fast faster fastest quick quicker quickest quickly rapid rapidly", "slow slower slowest slowly"),
        # "you need X" says "X is required": "you don't need any experience" = "experience is optional"
        ("required mandatory compulsory need needs needed", "optional"),
        ("include includes included including", "exclude excludes excluded excluding"),
        # what a policy, plan or warranty covers: "is covered by your policy" / "your policy excludes"; its own
        # concept, so that "covers X, including Y" → "X is covered, but Y isn't included" still flips the inclusion
        ("cover covers covered", "exclude excludes excluded excluding"),
        ("open opens opened opening", "closed close closes closing"),
        ("lock locks locked locking", "unlock unlocks unlocked unlocking"),
        (
            "enable enables enabled enabling activate activates activated activating",
            "disable disables disabled disabling deactivate deactivates deactivated deactivating",
        ),
        ("show shows showed shown showing visible", "hide hides hid hidden hiding"),
        ("true", "false"),
        ("above over", "below under"),
        ("maximum max", "minimum min"),
        ("public publicly", "private privately"),
        ("synchronous sync synchronously", "asynchronous async asynchronously"),
        ("add adds added adding", "remove removes removed removing delete deletes deleted deleting"),
        ("positive", "negative"),
        # a verdict on a file, a link or a sender: "classified as malicious" / "classified as safe"
        ("safe safely benign harmless", "unsafe dangerous dangerously risky malicious harmful"),
        ("online", "offline"),
        ("local locally", "remote remotely"),
        ("automatic automatically", "manual manually"),
        ("temporary temporarily", "permanent permanently"),
        ("first earliest", "last latest"),
        # an order by age, said of versions, entries and snapshots ("picks the oldest version" / "the newest"); "new"
        # and "old" alone are too vague to pair ("new customers" / "existing customers")
        ("newest newer latest", "oldest older"),
        ("start starts started starting beginning begin begins began begun", "end ends ended ending"),
        ("start starts started starting", "stop stops stopped stopping"),
        ("inside internal indoors indoor interior", "outside external outdoors outdoor exterior"),
        ("inbound incoming", "outbound outgoing"),
        ("upload uploads uploaded", "download downloads downloaded"),
        ("import imports imported importing", "export exports exported exporting"),
        ("upgrade upgrades upgraded", "downgrade downgrades downgraded"),
        ("uppercase upper-case", "lowercase lower-case"),
        ("ascending", "descending"),
        ("inclusive", "exclusive"),
        ("buy buys bought", "sell sells sold"),
        # "is winning" / "is losing": the state of a game or a contest as it stands
        ("win wins won winning", "lose loses lost losing"),
        # a judgement of quality or condition: "in good condition" / "in poor condition", "a good fit" / "a bad fit"
        ("good", "bad poor"),
        ("same", "different"),
        ("free complimentary gratis", "paid pay pays paying charge charges charged charging chargeable"),
        ("cheap cheaper cheapest", "expensive costly pricey"),
        ("large larger largest big bigger biggest", "small smaller smallest"),
        # each degree on its own too, so that two flips of one scale do not cancel: "comes up large, so order a size
        # smaller" → "comes up small, so order a size larger"
        ("larger bigger", "smaller"),
        ("largest biggest", "smallest"),
        ("long longer longest", "short shorter shortest"),
        ("strong stronger strongest", "weak weaker weakest"),
        # a scale of warmth: "warm" is on the side of "hot", "cool" on the side of "cold" ("kept warmer" / "colder")
        ("hot hotter hottest", "cold colder coldest"),
        ("warm warmer warmest", "cold colder coldest"),
        ("hot hotter hottest", "cool cooler coolest"),
        # the comparatives only: "light" alone is mostly a noun ("turn on the light")
        ("heavier heaviest", "lighter lightest"),
        ("firm firmer firmest", "soft softer softest"),
        # a scale of difficulty, by its degrees only ("the hardest puzzle of the week" / "the easiest"): WordNet opposes
        # "easy" to "difficult" only, and "hard" alone is as often firm ("a hard shell", "a hard limit") or a manner
        # ("work hard", "take it easy")
        ("harder hardest", "easier easiest"),
        # a drink's sweetness, the two ends of its one scale ("a dry Riesling" / "a sweet Riesling", "a dry cider");
        # WordNet opposes them in this sense, too rare in its corpus for its filter
        ("dry", "sweet"),
        # a time on either side of now ("the date is in the past" / "in the future", "past bookings" / "future ones")
        ("past", "future"),
        # distance, by its comparatives only: "close" is also "shut", "further" also "more" ("further details")
        ("nearer nearest closer closest", "farther farthest furthest"),
        # the extremes of a count ("the server with the fewest connections"); "least" is left to WordNet ("least
        # popular"), as "at least" is common in honest rewordings of "most"
        ("most", "fewest"),
        # when work is done: "loaded lazily" / "eagerly"
        ("lazy lazily", "eager eagerly"),
        # the two ends of an inheritance: "a superclass of `Dog`" / "a subclass of `Dog`"
        ("superclass superclasses", "subclass subclasses"),
        ("busy busier busiest crowded", "quiet quieter quietest"),
        # the moisture of air or of a place ("the cellar is too humid" / "too dry"): WordNet opposes "dry" to "damp",
        # "moist" and "wet", and its filter leaves out "drier" (also a machine's noun) and "humid" (a satellite)
        ("humid", "dry drier driest"),
        # a taste, the two ends of its scale ("a tart apple" / "a sweet apple"): WordNet has "tart" only as a satellite
        # of "sour", too rare in its corpus for its filter
        ("tart tarter tartest sour sourer sourest", "sweet sweeter sweetest"),
        # a light's strength ("the lighting is too dim" / "too bright"), which WordNet opposes to "dull" only
        ("bright brighter brightest", "dim dimmer dimmest"),
        # the risk a choice or an estimate takes ("the conservative option" / "the bolder option"); WordNet opposes
        # "bold" to "timid" and "conservative" to "progressive", the political sense
        ("conservative", "bold bolder boldest daring"),
        # the state of the sea, the weather or a crossing ("conditions are calm" / "rough", "a choppy crossing"):
        # WordNet opposes "calm" to "stormy" only, and "rough" in this sense is too rare in its corpus for its filter
        ("calm calmer calmest", "rough rougher roughest choppy choppier stormy stormier stormiest"),
        # a direction of turning, which has no other sense ("turn it clockwise to tighten")
        ("clockwise", "anticlockwise anti-clockwise counterclockwise counter-clockwise"),
        ("light", "dark"),
        # a shade, by its comparatives ("a lighter colour" / "a darker colour"); "lighter" against "heavier" is above
        ("lighter lightest", "darker darkest"),
        ("stable", "unstable"),
        # a thing being there or working, said positively or privatively: "is missing" = "is not present"
        ("present", "missing absent"),
        ("work works worked working", "broken"),
        # quantifiers with a negative partner: "nothing changed" vs "everything changed"
        ("always", "never"),
        ("often frequently usually commonly", "rarely seldom"),
        ("everything everyone everybody", "nothing nobody"),
        # change of strength, width, tightness, size, standing, quality and warmth ("winds strengthening" / "weakening")
        (
            "strengthen strengthens strengthened strengthening intensify intensifies intensified intensifying",
            "weaken weakens weakened weakening eases eased easing",
        ),
        ("widen widens widened widening broaden broadens broadened broadening", "narrow narrows narrowed narrowing"),
        ("tighten tightens tightened tightening", "loosen loosens loosened loosening"),
        ("expand expands expanded expanding", "shrink shrinks shrank shrinking"),
        # what is revoked is lost: "users lose access" = "their access is revoked"
        ("gain gains gained gaining", "lose loses lost losing revoke revokes revoked revoking"),
        (
            "improve improves improved improving",
            "worsen worsens worsened worsening deteriorate deteriorates deteriorated deteriorating",
        ),
        (
            "warm warmer warmest warms warmed warming heat heats heated heating",
            "cool cooler coolest cools cooled cooling",
        ),
        # the two sides of a balance: "the account is in credit" / "in arrears", "credited" / "debited"
        ("credit credits credited crediting", "debit debits debited debiting arrears overdrawn"),
        ("surplus surpluses", "deficit deficits shortfall shortfalls"),
        ("profit profits profitable", "loss losses lossmaking loss-making"),
        # the direction of traffic through a network boundary
        ("ingress", "egress"),
        # a level of skill, of a class, a session or a course: "our beginners' session" / "the advanced session"
        ("beginner beginners novice novices introductory entry-level", "advanced expert experts"),
        # a note's pitch against its true one: "15 cents sharp" / "15 cents flat"
        ("sharp", "flat"),
        # closed pairs of a domain, which have no third value: a property's tenure, a phone plan's billing, a
        # service's state
        ("freehold freeholds", "leasehold leaseholds"),
        ("prepaid prepay", "postpaid"),
        # a rule that binds or is escaped: "are subject to RLS policies" / "bypass RLS policies", "exempt from"
        ("subject", "exempt exempted bypass bypasses bypassed bypassing"),
        ("stateful", "stateless"),
        # closed pairs of computing, two values and no third: a byte order, a link's duplex, where code runs, a key
        # scheme, a mount's access, a cache's write policy, a fibre's mode
        ("big-endian bigendian", "little-endian littleendian"),
        ("half-duplex", "full-duplex"),
        ("server-side", "client-side"),
        ("symmetric symmetrical symmetrically", "asymmetric asymmetrical asymmetrically"),
        ("read-only", "read-write"),
        ("write-through", "write-back"),
        ("single-mode", "multi-mode multimode"),
    ]
)
# Taxes and charges an amount is said with or without ("£95 including VAT" / "£95 plus VAT"), and the words that say
# which: "before VAT" and "ex VAT" say "excluding" only of a tax ("before delivery" is a time).
_TAXES = ("vat", "tax", "taxes", "gst", "sales tax")
_CHARGES = (*_TAXES, "delivery", "shipping", "postage", "p&p", "service", "service charge", "fees", "booking fee")
_CHARGE_BASES = {
    **dict.fromkeys(("inc", "inc.", "incl", "incl.", "inclusive of"), "including"),
    **dict.fromkeys(("plus", "excl", "excl.", "exclusive of"), "excluding"),
}
# Phrases that say a word of the antonym pairs, read as that word: "24 hours in advance" = "24 hours beforehand",
# "GPUs count against your quota" = "GPUs reduce your quota" (so "your quota is not reduced by GPUs" flips it).
_GOING = {"go": "put", "goes": "puts", "went": "put", "going": "putting"}
_USED_AS_COMBINED = {"use": "combine", "uses": "combines", "used": "combined", "using": "combining"}
PHRASES_SAID_AS: dict[str, str] = {
    "in advance": "beforehand",
    # an age in units of time names the age, not how old: "at least 7 years old" = "aged 7 or over", which "younger than
    # 7" bounds from the other side; "old" there has no opposite ("a 7-year-old" neither)
    **{f"{unit}{s} old": f"{unit}{s} of age" for unit in ("day", "week", "month", "year") for s in ("", "s")},
    # where code runs: "renders only on the client" = "client-side only", against "on the server" = "server-side"
    **{f"on the {side}{part}": f"{side}-side" for side in ("client", "server") for part in ("", " side")},
    "most recent": "newest",
    # what comes at no cost is free: "the coach will rebook at no cost" = "rebooks free of charge"
    **{f"at no {extra}cost": "free" for extra in ("", "extra ", "additional ")},
    # what is left out is missing: "the garlic bread was left out of your order" = "was missing from your order"
    "left out": "missing",
    **{f"{verb} against": said for verb, said in _inflected("count", "reduce").items()},
    **{f"{verb} into": said for verb, said in _inflected("eat", "reduce", past="ate", participle="eaten").items()},
    # what is sent, given, handed or brought back is returned: "won't be sent back to you" = "won't be returned"
    **{f"{verb} back": said for verb, said in _inflected("send", "return", past="sent").items()},
    **{f"{verb} back": said for verb, said in _inflected("give", "return", past="gave", participle="given").items()},
    **{f"{verb} back": said for verb, said in _inflected("hand", "return").items()},
    **{f"{verb} back": said for verb, said in _inflected("bring", "return", past="brought").items()},
    # what one steers clear of or stays away from is avoided: "steer clear of loud noise" = "avoid loud noise"
    **{f"{verb} clear of": said for verb, said in _inflected("steer", "avoid").items()},
    **{f"{verb} clear of": said for verb, said in _inflected("stay", "avoid").items()},
    **{f"{verb} clear of": said for verb, said in _inflected("keep", "avoid", past="kept").items()},
    **{f"{verb} away from": said for verb, said in _inflected("stay", "avoid").items()},
    **{f"{verb} away from": said for verb, said in _inflected("keep", "avoid", past="kept").items()},
    # things used together are combined: "--reload and --workers cannot be used together" = "can't be combined"
    **{f"{verb} together": said for verb, said in _USED_AS_COMBINED.items()},
    # "hold off on hedge cutting" = "hold off hedge cutting": what one holds off is put off (see `HOLDING_OFF`)
    **{f"{verb} off on": f"{verb} off" for verb in ("hold", "holds", "holding", "held")},
    # what goes into a place is put there: "batteries must not go into the bin" = "never put batteries in the bin"
    **{f"{verb} {into}": f"{said} {into}" for verb, said in _GOING.items() for into in ("in", "into")},
    **{f"placed {into}": f"put {into}" for into in ("in", "into")},
    # the basis of an amount: "£95 inc. VAT" = "including VAT", "£95 plus VAT" = "excluding VAT"
    **{f"{marker} {charge}": f"{said} {charge}" for charge in _CHARGES for marker, said in _CHARGE_BASES.items()},
    **{f"{marker} {tax}": f"excluding {tax}" for tax in _TAXES for marker in ("before", "ex")},
}
# Verbs that link a subject to the quality said of it ("the ponies are calm", "it looks tidy", "it stays fresh").
LINKING_VERBS = _words(
    "is are was were be been being am seem seems seemed look looks looked feel feels felt stay stays stayed "
    "remain remains remained become becomes became"
)
# Words of degree between a linking verb and the quality ("are very calm", "is too dim", "stays quite fresh").
DEGREE_WORDS = _words(
    "very too so quite really extremely fairly pretty rather always usually generally often especially incredibly "
    "particularly remarkably"
)
# Words that say another word of the antonym pairs after a form of "be": "flowers are welcome" = "are allowed".
PREDICATE_SYNONYMS = {"welcome": "allowed"}
# Closed pairs of a technical domain, opposite only before the noun they describe: "a naive datetime" / "an aware
# datetime", "the leading spaces" / "the trailing spaces", "a static IP" / "a dynamic IP"; elsewhere they say something
# else ("be aware of it", "leading to errors").
ATTRIBUTIVE_ANTONYMS = (("aware", "naive"), ("leading", "trailing"), ("static", "dynamic"))
# Closed pairs of roles and directions that are opposite only as a part of a hyphenated compound, against the same
# compound with the other part: "client-streaming" / "server-streaming", "read-heavy" / "write-heavy", "write-only" /
# "read-only", "pre-install" / "post-install", "single-tenant" / "multi-tenant". Alone they are the two ends of one
# exchange that rewordings name in turn ("the client sends, the server replies"; "read and write access").
COMPOUND_PART_ANTONYMS = (("client", "server"), ("read", "write"), ("pre", "post"), ("single", "multi"))
# A prefixed word replacing its stem is a flip too: mutable → immutable, available → unavailable.
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")
MIN_STEM = 5

# "no" and "without" open a noun phrase and deny it: "no further charges" denies the charges too.
PHRASE_NEGATORS = _words("no without")
# Words opening a hypothetical: "if you want an exception" asserts nothing about exceptions being raised.
CONDITIONALS = _words("if unless whether when whenever")
# Verbs whose object's complement is a state to bring about ("make it executable"), not one the text asserts.
CAUSATIVES = _words("make makes making")
# Conjunctions that end the reach of a negation: "it does not include tax, and we ship" negates no shipping.
CLAUSE_CONJUNCTIONS = _words("and or but so because while although though whereas which that unless if when")

# Words that negate the claim made by the next content word: "not allowed", "can't return", "no history".
NEGATION_WORDS = _words("not no never none nothing nobody neither nor cannot without unable")
# After a negation word these are skipped on the way to the word it negates ("is not even able to run").
NEGATION_SKIP = _words(
    "be been being is are was were am have has had do does did a an the any always ever even yet really "
    "necessarily currently actually longer able to get got it them of these those so too very quite fully "
    "your my our their his her its"
)
# "not only X but also Y", "no matter what", "no doubt": a negation word that negates nothing.
NOT_NEGATING_AFTER = _words("only just merely matter doubt")
# Verbs whose "to"-complement is denied: "fails to start" = "doesn't start", "refused to pay" = "didn't pay".
PRIVATIVE_VERBS = _words("fail fails failed failing refuse refuses refused refusing unable")
# Verbs whose "-ing" complement is denied: "the app stops showing the dialog" = "the app won't show the dialog".
CEASING_VERBS = _words("stop stops stopped stopping cease ceases ceased ceasing quit quits quitting")
# Verbs saying that their subject did not happen: "pulling the image fails" = "the image cannot be pulled".
FAILING_VERBS = _words("fail fails failed failing")
# Verbs that, before "off", put off what follows them: "hold off on donating" says "don't donate now", softly, since it
# may happen later (it agrees with "wait before donating" and with "avoid donating", and flips against neither).
HOLDING_OFF = _words("hold holds holding held")
# Verbs that set aside what follows them without doing away with it: "owners bypass the policies" denies that the
# policies apply to them, softly, as the policies are still there ("policies do nothing until …" still names them).
BYPASSING = _words("bypass bypasses bypassed bypassing circumvent circumvents circumvented circumventing")
# Words that deny what follows them as "no" does, with the word that must bridge to it: "avoid eating" = "don't
# eat", "refrain from smoking" = "no smoking", "lacks a DMARC record" = "has no DMARC record", "we advise against
# booking" = "don't book" ("we advise booking early" denies nothing); "skip hard training" = "avoid intense training".
AVOIDING_VERBS: dict[str, str] = {
    **{w: "" for w in ("avoid", "avoids", "avoided", "avoiding")},
    **{w: "" for w in ("skip", "skips", "skipped", "skipping")},
    # "bypass the cache" = "skip the cache": what is bypassed does not apply (not "the bypass": a noun)
    **{w: "" for w in BYPASSING},
    **{w: "" for w in ("lack", "lacks", "lacked", "lacking")},
    **{w: "from" for w in ("refrain", "refrains", "refrained", "refraining")},
    # "leave out vertical lines" = "omit vertical lines" = "avoid vertical lines" ("left out" and "omitted" say
    # "missing": `PHRASES_SAID_AS`, `ABSENCE_WORDS`)
    **{w: "out" for w in ("leave", "leaves", "leaving")},
    **{w: "" for w in ("omit", "omits", "omitting")},
    **{w: "off" for w in HOLDING_OFF},
    **{w: "from" for w in ("abstain", "abstains", "abstained", "abstaining")},
    **{w: "against" for w in ("advise", "advises", "advised", "advising", "recommend", "recommends")},
    **{w: "against" for w in ("recommended", "recommending", "warn", "warns", "warned")},
    **{w: "against" for w in ("caution", "cautions", "cautioned", "cautioning")},
}
# Words saying that something is not there: said of their subject after "be" ("the lid was missing" = "no lid"), and
# denying the noun phrase after them as "without" does ("arrived missing the lid" = "arrived without the lid").
ABSENCE_WORDS = _words("missing absent lacking omitted")
# Hedges a negation reaches past to the word it denies: "you won't usually need permission" denies the need, as
# "permission is normally required" asserts it; the hedge itself says nothing ("not usually" is no "often" denied).
HEDGES = _words("usually normally typically generally")
# Words that say "not often", softly denying the word they qualify: "is rarely needed" agrees with "isn't usually
# needed" and never flips against "is needed".
SELDOM = _words("rarely seldom")
# An alternative not taken, only before its bridge word: "instead of raising" denies raising, softly, as the
# alternative is often said loosely ("twice a week instead of light daily watering" still says to water).
ALTERNATIVE_MARKERS = {"instead": "of", "rather": "than"}
# Comparatives of time that compare only before "than" or after a duration ("10 minutes earlier").
TIME_COMPARATIVES = _words("earlier later sooner")
# "no later than", "not more than": a comparative + "than" after a negation word is a bound, not a negation.
BOUND_COMPARATIVES = _words(
    "more less fewer later earlier sooner longer shorter greater smaller higher lower larger bigger older newer"
)
# "keep it out of the dryer", "store away from heat": a negative instruction about what follows.
KEEP_AWAY_VERBS = _words("keep keeps kept keeping stay stays stayed staying store stores stored storing")
KEEP_AWAY = {"out": "of", "away": "from"}
# Particles after a verb: a negation of the verb negates the phrasal verb ("does not speed up").
VERB_PARTICLES = _words("up down out off in on over back")
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
# "go up by 12%" says "increase by 12%", "went down to $40" says "decreased to $40": a verb of motion with "up" or
# "down" before an amount ("by", "to", "from") asserts the words of the antonym pairs it stands for.
# Verbs of switching: their "on"/"off" is said of what they switch too ("the lights turn on" / "switch the lights off").
SWITCH_VERBS = _words("turn turns turned turning switch switches switched switching")
# Phrasal verbs that say a particle claim about another word: "sold out" says "out of stock".
PARTICLE_SYNONYMS: dict[tuple[str, str], str] = {("sold", "out"): "stock"}
# Phrasal verbs that say a word of the antonym pairs: "you can speed up after 600°C" = "you can fire faster".
PHRASAL_SAID_AS: dict[tuple[str, str], str] = {
    **{(verb, "up"): "faster" for verb in ("speed", "speeds", "sped", "speeded", "speeding")},
    **{(verb, "down"): "slower" for verb in ("slow", "slows", "slowed", "slowing")},
    # altering a garment, a belt or a line: "let out the waist" = "loosen it", "take in the waist" = "tighten it";
    # "take up a hem" = "shorten it", "let down a hem" = "lengthen it"
    **{(verb, "out"): "loosen" for verb in ("let", "lets", "letting")},
    **{(verb, "in"): "tighten" for verb in ("take", "takes", "took", "taken", "taking")},
    **{(verb, "down"): "lengthen" for verb in ("let", "lets", "letting")},
    **{(verb, "up"): "shorten" for verb in ("take", "takes", "took", "taken", "taking")},
}
AMOUNT_MOTION_VERBS = _words("go goes going gone went")
# Verbs whose "up"/"down" is said of what moves, the noun before them ("latency went up", "prices came down": latency
# up, prices down), and verbs that move their object, said of the noun after the particle ("brought down latency",
# "pushed up prices"; "brought latency down" is said of latency already).
MOVING_VERBS = _words("go goes going gone went come comes coming came")
MOVED_BY_VERBS = _words("bring brings bringing brought push pushes pushing pushed drive drives driving drove driven")
AMOUNT_PARTICLES = {"up": ("increase", "rise"), "down": ("decrease", "fall")}
AMOUNT_BRIDGES = _words("by to from")
# Words restricting a statement to what they name: "on iOS only" drops every other platform.
RESTRICTIVE = _words("only exclusively solely")
# "one licence" says what "a licence" says; a lone "one" is a count only against a plural quantifier.
PLURAL_QUANTIFIERS = _words("all every both several multiple many")
# A quantifier and its negative counterpart, which say opposite things of the same clause: "all of our rooms have a
# balcony" / "none of our rooms have a balcony", "is always closed" / "is never closed".
QUANTIFIER_OPPOSITES = frozenset(
    (universal, negative)
    for universals, negatives in [
        ("all|each", "none|no"),
        ("every", "no"),
        ("always", "never"),
        ("everyone|everybody", "nobody|no one|none"),
        ("everything", "nothing|none"),
        ("everywhere", "nowhere"),
        ("both", "neither"),
    ]
    for universal in universals.split("|")
    for negative in negatives.split("|")
)
# Adjectives that say a count, as a number word does: "a single-node cluster" = "a one-node cluster".
COUNT_ADJECTIVES = {"single": 1, "dual": 2}
# Verbs whose object is a program when a command follows: "run mvn dependency:tree", "execute ./gradlew build".
RUN_VERBS = _words("run runs running execute executes executing")
# File extensions spelled two ways for one format: "config.yml" is "config.yaml", "photo.jpeg" is "photo.jpg".
FILE_EXTENSION_VARIANTS = (
    frozenset({".yaml", ".yml"}),
    frozenset({".jpeg", ".jpg"}),
    frozenset({".htm", ".html"}),
    frozenset({".tif", ".tiff"}),
    frozenset({".mpeg", ".mpg"}),
    frozenset({".md", ".markdown"}),
    frozenset({".tar.gz", ".tgz"}),
)
# The generic heads of names, which a rewording may leave out: "the Hilton Hotel" = "the Hilton", "Lloyds Bank".
NAME_HEADS = _words(
    "hotel hotels bank street st road rd avenue ave lane airport station hospital clinic university college school "
    "centre center park inc ltd llc plc group company co corp corporation club museum library church cathedral "
    "bridge river lake mountain mount cafe café restaurant bar pub shop store market hall theatre theater stadium "
    "arena gallery square building tower house council app"
)
# Derivational endings of a name's adjective or demonym: Europe → European, Japan → Japanese.
NAME_SUFFIXES = ("an", "ian", "ean", "n", "ese", "ish", "ic", "i", "y", "ans", "ians", "eans", "ns")

# Spelled-out numbers, shared by the number check and the clock-time parser.
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Letters glued to a number that still leave it a number: an ordinal, a decade, a scale ("10k"), a multiplier
# ("3x"), a version ("v2"); units are looked up in UNITS. Anything else makes a code: "4xx", "3D", "2FA", "x86".
NUMBER_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s", "k", "K", "m", "M", "mn", "b", "B", "bn", "x", "X"})
VERSION_PREFIXES = frozenset({"v", "V"})

# Decimal prefixes of the bit-rate family ("" is bits per second itself): kbps, Mbps, Gbps, Tbps.
_RATE_PREFIXES = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12}
# The same prefixes spelled out: "5 megabits (per second)" is a bit rate, which "5 megabytes" (MB) is not.
_RATE_PREFIX_NAMES = {"k": "kilobit", "m": "megabit", "g": "gigabit", "t": "terabit"}


def _rate_unit(prefix: str) -> str:
    """The written symbol of a bit rate with a decimal prefix: "kbps", "Mbps", "Gbps"."""
    return ("k" if prefix == "k" else prefix.upper()) + "bps"


# Words after a number that say what it counts; two quantities with different units differ, unless the
# units measure the same dimension and the amounts convert into each other ("12 months" = "1 year").
UNITS = {
    **{w: "ms" for w in ("ms", "millisecond", "milliseconds")},
    **{w: "second" for w in ("second", "seconds", "sec", "secs")},
    **{w: "minute" for w in ("minute", "minutes", "min", "mins")},
    **{w: "hour" for w in ("hour", "hours", "hr", "hrs", "h")},
    **{w: "day" for w in ("day", "days")},
    **{w: "week" for w in ("week", "weeks")},
    **{w: "fortnight" for w in ("fortnight", "fortnights")},
    **{w: "month" for w in ("month", "months")},
    **{w: "year" for w in ("year", "years")},
    **{w: "decade" for w in ("decade", "decades")},
    **{w: "century" for w in ("century", "centuries")},
    **{w.lower(): w for w in ("KB", "MB", "GB", "TB")},
    **{w: "KB" for w in ("kilobyte", "kilobytes")},
    **{w: "MB" for w in ("megabyte", "megabytes")},
    **{w: "GB" for w in ("gigabyte", "gigabytes")},
    **{w: "TB" for w in ("terabyte", "terabytes")},
    **{w: "PB" for w in ("pb", "petabyte", "petabytes")},
    # binary prefixes, as Kubernetes and operating systems write them: "512Mi", "2 GiB", "1 tebibyte"
    **{w: "KiB" for w in ("kib", "kibibyte", "kibibytes")},
    **{w: "MiB" for w in ("mib", "mebibyte", "mebibytes")},
    **{w: "GiB" for w in ("gib", "gibibyte", "gibibytes")},
    **{w: "TiB" for w in ("tib", "tebibyte", "tebibytes")},
    **{w: "mg" for w in ("mg", "milligram", "milligrams", "milligramme", "milligrammes")},
    **{w: "g" for w in ("gram", "grams", "gramme", "grammes")},
    **{w: "kg" for w in ("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos")},
    # "pounds" is money or mass; the number check reads it as both (£ and lb) and lets either side match
    **{w: "lb" for w in ("lb", "lbs", "pound", "pounds")},
    **{w: "oz" for w in ("oz", "ounce", "ounces")},
    **{w: "°C" for w in ("celsius", "centigrade")},
    **{w: "°F" for w in ("fahrenheit",)},
    **{w: "K" for w in ("kelvin", "kelvins")},
    **{w: "mm" for w in ("mm", "millimetre", "millimetres", "millimeter", "millimeters")},
    **{w: "cm" for w in ("cm", "centimetre", "centimetres", "centimeter", "centimeters")},
    **{w: "m" for w in ("metre", "metres", "meter", "meters")},
    **{w: "km" for w in ("km", "kilometre", "kilometres", "kilometer", "kilometers")},
    **{w: "in" for w in ("in", "inch", "inches")},
    **{w: "ft" for w in ("ft", "foot", "feet")},
    **{w: "yd" for w in ("yd", "yds", "yard", "yards")},
    **{w: "mi" for w in ("mi", "mile", "miles")},
    **{w: "ha" for w in ("ha", "hectare", "hectares")},
    **{w: "acre" for w in ("acre", "acres")},
    **{w: "ml" for w in ("ml", "millilitre", "millilitres", "milliliter", "milliliters")},
    **{w: "cl" for w in ("cl", "centilitre", "centilitres", "centiliter", "centiliters")},
    **{w: "dl" for w in ("dl", "decilitre", "decilitres", "deciliter", "deciliters")},
    **{w: "l" for w in ("litre", "litres", "liter", "liters")},
    **{w: "gal" for w in ("gal", "gallon", "gallons")},
    **{w: "tsp" for w in ("tsp", "tsps", "teaspoon", "teaspoons", "teaspoonful", "teaspoonfuls")},
    **{w: "tbsp" for w in ("tbsp", "tbsps", "tbs", "tablespoon", "tablespoons", "tablespoonful", "tablespoonfuls")},
    **{w: "cup" for w in ("cup", "cups")},
    **{w: "pint" for w in ("pint", "pints")},
    **{w: "quart" for w in ("quart", "quarts", "qt")},
    **{w: "mph" for w in ("mph",)},
    **{w: "km/h" for w in ("kph", "kmh", "kmph")},
    **{w: "knot" for w in ("knot", "knots", "kts")},
    # pressures: "50 bar" of a dive tank is not "50 psi"; "1013 hPa", "2.2 atmospheres"
    **{w: "bar" for w in ("bar", "bars")},
    **{w: "mbar" for w in ("mbar", "millibar", "millibars")},
    **{w: "psi" for w in ("psi",)},
    **{w: "Pa" for w in ("pascal", "pascals")},
    **{w: "hPa" for w in ("hpa", "hectopascal", "hectopascals")},
    **{w: "kPa" for w in ("kpa", "kilopascal", "kilopascals")},
    **{w: "MPa" for w in ("mpa", "megapascal", "megapascals")},
    **{w: "atm" for w in ("atm", "atmosphere", "atmospheres")},
    **{w: "W" for w in ("watt", "watts")},
    **{w: "kW" for w in ("kw", "kilowatt", "kilowatts")},
    **{w: "mW" for w in ("milliwatt", "milliwatts")},
    **{w: "MW" for w in ("megawatt", "megawatts")},
    **{w: "GW" for w in ("gigawatt", "gigawatts")},
    **{w: "hp" for w in ("hp", "bhp", "horsepower")},
    **{w: "kWh" for w in ("kwh", "kilowatt-hour", "kilowatt-hours")},
    **{w: "Wh" for w in ("watt-hour", "watt-hours")},
    **{w: "MWh" for w in ("megawatt-hour", "megawatt-hours")},
    # electric potential, current and charge: "12 volts", "500 milliamps", "5000 mAh" (case-sensitive symbols below)
    **{w: "V" for w in ("volt", "volts")},
    **{w: "mV" for w in ("millivolt", "millivolts")},
    **{w: "kV" for w in ("kilovolt", "kilovolts")},
    **{w: "A" for w in ("amp", "amps", "ampere", "amperes")},
    **{w: "mA" for w in ("milliamp", "milliamps", "milliampere", "milliamperes")},
    **{w: "Hz" for w in ("hz", "hertz")},
    **{w: "kHz" for w in ("khz",)},
    **{w: "MHz" for w in ("mhz",)},
    **{w: "GHz" for w in ("ghz",)},
    # bit rates, one family with its decimal prefixes: "500 kbps", "500 Mbit", "1 Gbps" ("64-bit" is no rate)
    **{f"{p}{w}": _rate_unit(p) for p in _RATE_PREFIXES for w in ("bps", "bit") if p or w == "bps"},
    **{f"{name}{s}": _rate_unit(p) for p, name in _RATE_PREFIX_NAMES.items() for s in ("", "s")},  # "5 megabits"
    **{w: "ns" for w in ("ns", "nanosecond", "nanoseconds")},
}
# CSS lengths, units only glued to their number ("1.5rem", "16px", "100vh"): "em" and "rem" are relative to two
# different font sizes, so "1.5rem" → "1.5em" changes the size; none converts to another.
CSS_UNITS = frozenset({"px", "em", "rem", "vh", "vw", "vmin", "vmax"})
# One-letter symbols that are units only in this exact case: "5 m" (not "$5M"), "5 g" (not "5G"), "5 s",
# "5 l" / "5 L", "300 K" (kelvin; "5K" attached is a thousand); Kubernetes' binary sizes "512Mi", "2Gi" (not "5 mi").
CASED_UNITS = {
    **{"m": "m", "g": "g", "s": "second", "l": "l", "L": "l", "K": "K", "W": "W"},
    **{"Ki": "KiB", "Mi": "MiB", "Gi": "GiB", "Ti": "TiB"},
    # decimal prefixes whose letter's case is the prefix ("mW" is a milliwatt, "MW" a megawatt), and the electric
    # symbols ("12 V", "500 mA", "5000 mAh"; a bare "A" is a letter: "5 A-levels", "Form 1A")
    **{w: w for w in ("mW", "MW", "GW", "Wh", "MWh", "GWh", "TWh", "V", "mV", "kV", "mA", "mAh", "Ah")},
}
# Lengths in metres, which "square" and "cubic" raise to areas and volumes ("20 cubic metres", "40 sq ft").
_LENGTHS = {"mm": 1e-3, "cm": 1e-2, "m": 1.0, "km": 1e3, "in": 0.0254, "ft": 0.3048, "yd": 0.9144, "mi": 1609.344}
# A power of a length: its exponent → (the mark after the unit, the dimension, the dimension's base unit per m^n).
POWERS: dict[int, tuple[str, str, float]] = {2: ("²", "area", 1.0), 3: ("³", "volume", 1000.0)}
# Words raising the length after them to a power: "square feet", "sq. m", "cubic metres", "cu ft".
POWER_WORDS = {"square": 2, "sq": 2, "cubic": 3, "cu": 3}
# Unit → (dimension, size in the dimension's base unit). Temperatures are converted with their offsets.
UNIT_SIZES: dict[str, tuple[str, float]] = {
    "ns": ("time", 1e-9),
    "µs": ("time", 1e-6),
    "ms": ("time", 0.001),
    "second": ("time", 1),
    "minute": ("time", 60),
    "hour": ("time", 3600),
    "day": ("time", 86400),
    "week": ("time", 7 * 86400),
    "fortnight": ("time", 14 * 86400),
    "month": ("time", 365.25 * 86400 / 12),
    "quarter": ("time", 365.25 * 86400 / 4),  # a period only: "once a quarter", "quarterly"
    "year": ("time", 365.25 * 86400),
    "decade": ("time", 10 * 365.25 * 86400),
    "century": ("time", 100 * 365.25 * 86400),
    "KB": ("data", 1e3),
    "MB": ("data", 1e6),
    "GB": ("data", 1e9),
    "TB": ("data", 1e12),
    "PB": ("data", 1e15),
    "KiB": ("data", 1024.0),
    "MiB": ("data", 1024.0**2),
    "GiB": ("data", 1024.0**3),
    "TiB": ("data", 1024.0**4),
    "µg": ("mass", 1e-6),
    "mg": ("mass", 1e-3),
    "g": ("mass", 1),
    "kg": ("mass", 1e3),
    "lb": ("mass", 453.59237),
    "oz": ("mass", 28.349523125),
    "°C": ("temperature", 1),
    "°F": ("temperature", 5 / 9),
    "K": ("temperature", 1),
    "µm": ("distance", 1e-6),
    "mm": ("distance", 1e-3),
    "cm": ("distance", 1e-2),
    "m": ("distance", 1),
    "km": ("distance", 1e3),
    "in": ("distance", 0.0254),
    "ft": ("distance", 0.3048),
    "yd": ("distance", 0.9144),
    "mi": ("distance", 1609.344),
    "ha": ("area", 1e4),
    "acre": ("area", 4046.86),
    "µl": ("volume", 1e-6),
    "ml": ("volume", 1e-3),
    "cl": ("volume", 1e-2),
    "dl": ("volume", 0.1),
    "l": ("volume", 1),
    "gal": ("volume", 3.785411784),
    "fl oz": ("volume", 0.0295735295625),
    "tsp": ("volume", 0.00492892159375),
    "tbsp": ("volume", 0.01478676478125),
    "cup": ("volume", 0.2365882365),
    "pint": ("volume", 0.473176473),
    "quart": ("volume", 0.946352946),
    "mph": ("speed", 0.44704),
    "km/h": ("speed", 1 / 3.6),
    "m/s": ("speed", 1),
    "knot": ("speed", 1852 / 3600),
    "Pa": ("pressure", 1),
    "hPa": ("pressure", 100),
    "mbar": ("pressure", 100),
    "kPa": ("pressure", 1e3),
    "MPa": ("pressure", 1e6),
    "bar": ("pressure", 1e5),
    "psi": ("pressure", 6894.757),
    "atm": ("pressure", 101325),
    "W": ("power", 1),
    "kW": ("power", 1e3),
    "mW": ("power", 1e-3),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "hp": ("power", 745.7),
    "kWh": ("energy", 3.6e6),
    "Wh": ("energy", 3.6e3),
    "MWh": ("energy", 3.6e9),
    "GWh": ("energy", 3.6e12),
    "TWh": ("energy", 3.6e15),
    "V": ("voltage", 1),
    "mV": ("voltage", 1e-3),
    "kV": ("voltage", 1e3),
    "A": ("current", 1),
    "mA": ("current", 1e-3),
    "Ah": ("charge", 3600),
    "mAh": ("charge", 3.6),
    "N·m": ("torque", 1),
    "lb·ft": ("torque", 1.3558179483),
    "in·lb": ("torque", 0.1129848290),
    "kgf·m": ("torque", 9.80665),
    "Hz": ("frequency", 1),
    "kHz": ("frequency", 1e3),
    "MHz": ("frequency", 1e6),
    "GHz": ("frequency", 1e9),
    **{_rate_unit(p): ("bitrate", size) for p, size in _RATE_PREFIXES.items()},
    # square and cubic lengths (`POWERS`): areas in square metres, volumes in litres as the other volumes are
    **{
        f"{unit}{mark}": (dimension, _LENGTHS[unit] ** power * scale)
        for unit in _LENGTHS
        for power, (mark, dimension, scale) in POWERS.items()
    },
}
# Units of two sizes, either of which a text may mean: the metric cup (250 ml), the imperial pint, quart, gallon
# and fluid ounce (a tablespoon is 15 ml in most recipes).
UNIT_ALTERNATIVES: dict[str, tuple[float, ...]] = {
    "cup": (0.25,),
    "pint": (0.56826125,),
    "quart": (1.1365225,),
    "gal": (4.54609,),
    "fl oz": (0.0284130625,),
    "tbsp": (0.015,),
    "tsp": (0.005,),
}
# "12 in the box" is a preposition; "12 in", "12 in." or "12 in x 8 in" is inches.
INCH_FOLLOWERS = _words("x by long wide tall high deep thick")
# Frequencies: "twice a day" says how often, not how many ("one tablet twice a day": 1 tablet, 2×).
FREQUENCY_WORDS = {"once": 1, "twice": 2, "thrice": 3}
# "once" is a frequency only before a period ("once a day", "once weekly"); else a conjunction ("once done").
FREQUENCY_PERIODS = {
    **{w: "day" for w in ("daily", "nightly")},
    **{w: "week" for w in ("weekly",)},
    **{w: "month" for w in ("monthly",)},
    **{w: "quarter" for w in ("quarterly",)},
    **{w: "year" for w in ("yearly", "annually")},
    **{w: "hour" for w in ("hourly",)},
}
RATE_WORDS = _words("a an per every each")
# Words that multiply: "double time" (2×), "tripled" (3×).
MULTIPLIER_WORDS = {
    **{w: 2 for w in ("double", "doubled", "doubles", "doubling")},
    **{w: 3 for w in ("triple", "tripled", "triples", "tripling")},
    **{w: 4 for w in ("quadruple", "quadrupled")},
}
# Parts of the day and meals, by the part of the day they name: "morning and evening" is twice a day.
DAY_PARTS = {
    **{w: "morning" for w in ("morning", "mornings", "breakfast", "breakfasts", "waking")},
    **{w: "midday" for w in ("midday", "noon", "lunch", "lunchtime", "lunches")},
    **{w: "afternoon" for w in ("afternoon", "afternoons")},
    **{w: "evening" for w in ("evening", "evenings", "dinner", "dinners", "supper", "suppers")},
    **{w: "night" for w in ("night", "nights", "bedtime")},
}

CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹"}
# The hundredth part of a currency, after a number: "85p", "eighty-five pence", "fifty cents" (a cent of
# dollars or euros: no currency of its own).
MINOR_CURRENCY_WORDS: dict[str, str | None] = {
    **{w: "£" for w in ("p", "pence", "penny")},
    **{w: None for w in ("cent", "cents")},
}
CURRENCY_WORDS = {
    **{w: "$" for w in ("dollar", "dollars", "usd")},
    **{w: "€" for w in ("euro", "euros", "eur")},
    **{w: "£" for w in ("pound", "pounds", "gbp", "quid")},
    **{w: "¥" for w in ("yen", "jpy")},
    **{w: "₹" for w in ("rupee", "rupees", "inr")},
    # currencies said by their ISO code ("CHF 420") or name; no dollars but the US one, whose "$" is ambiguous
    **{w: "CHF" for w in ("chf", "franc", "francs")},
    **{w: "SEK" for w in ("sek", "krona", "kronor")},
    **{w: "NOK" for w in ("nok",)},
    **{w: "DKK" for w in ("dkk",)},
    **{w: "PLN" for w in ("pln", "zloty", "zlotys")},
    **{w: "CZK" for w in ("czk", "koruna")},
    **{w: "CNY" for w in ("cny", "rmb", "yuan", "renminbi")},
    **{w: "ZAR" for w in ("zar", "rand")},
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
    # no "per": English says it too ("$12 per seat per month")
    "it": _words("il lo gli di che è con non sono della del alla nel questo questa grazie"),
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

# Words of a relation whose two sides may swap without changing it: "Maya and Daniel", "Alice met Bob",
# "compare Python with Ruby", "as tall as"; two names around them are no roles to swap.
SYMMETRIC_RELATIONS = _words(
    "and or nor with vs versus between both like as alongside together same similar equal equals "
    "meet meets met meeting marry marries married partner partners partnered collaborate collaborates "
    "collaborated agree agrees agreed tie ties tied draw drew share shares shared split splits"
)

# Words that follow a sentence's subject ("Tokyo is", "Google will"): tells a named subject from an imperative.
AUXILIARIES = _words("is are was were has have had will would can could should may might must does did")

# Roles a text assigns duties to, in groups of words for the same party ("buyer" = "purchaser" = "customer"), so a
# rewording that renames a party keeps it, and "the Seller pays" → "the Buyer pays" changes it. Lower-case or
# capitalised ("the Seller"), singular or plural.
ROLE_GROUPS: tuple[frozenset[str], ...] = tuple(
    _words(group)
    for group in (
        "buyer buyers purchaser purchasers customer customers client clients shopper shoppers consumer consumers "
        "user users",
        "seller sellers vendor vendors supplier suppliers merchant merchants retailer retailers provider providers "
        "store shop",
        "manufacturer manufacturers maker makers",
        "landlord landlords lessor lessors",
        "tenant tenants renter renters lessee lessees occupant occupants",
        "employer employers company",
        "employee employees worker workers staff",
        "manager managers supervisor supervisors boss bosses",
        "contractor contractors subcontractor subcontractors builder builders",
        "insurer insurers underwriter underwriters",
        "policyholder policyholders insured",
        "lender lenders creditor creditors",
        "borrower borrowers debtor debtors",
        "licensor licensors",
        "licensee licensees",
        "sender senders",
        "recipient recipients receiver receivers",
        "host hosts",
        "guest guests visitor visitors",
        "driver drivers",
        "passenger passengers rider riders",
        "doctor doctors physician physicians gp",
        "nurse nurses",
        "patient patients",
        "parent parents guardian guardians",
        "teacher teachers tutor tutors instructor instructors",
        "student students pupil pupils learner learners",
        "owner owners homeowner homeowners",
        "agent agents broker brokers",
        "administrator administrators admin admins",
    )
)
# Words of a clause that give no party a duty: "X is responsible for Y", "Y is X's job", "X shall do Y".
DUTY_NEUTRAL = _words("shall must will need needs needed responsible responsibility job duty your our their its")
# Words before a participle that make it describe the noun after it: "applies to covered claims".
BEFORE_ATTRIBUTE = _words(
    "the a an to for of with all any on in our your their its his her this these those some each every other"
)
# Words before a noun: a verb's form after one of them is its noun ("a change", "your stay", "the fill").
DETERMINERS = _words("a an the your my our their his her its this these those each every any some another")
# Parties named by what they are part of: "the finance team" and "the support team" are two parties.
COLLECTIVE_ROLES = _words("team teams department departments office desk committee board")

# Closed sets of mutually exclusive alternatives: a word of one replaced in place by another of the same set changes
# what is said ("on your left" → "on your right"). Each member lists the words that say the same ("back" = "rear").
ALTERNATIVE_SETS: tuple[tuple[frozenset[str], ...], ...] = tuple(
    # a member of two words is written with "_" ("white_gold"), and read as the two words ("white gold")
    tuple(frozenset(w.replace("_", " ") for w in member.split()) for member in members.split("|"))
    for members in (
        "left|right",
        "front|back rear",
        "top|bottom",
        "upper|lower",
        "inner|outer",
        "upstairs|downstairs",
        # deployment environments: "deploy to the staging cluster" / "to the production cluster"
        # (git-flow's integration branch is "develop": "branch from develop" / "branch from staging")
        "development dev develop|staging|production prod",
        "horizontal horizontally|vertical vertically",
        "north|south|east|west",
        "northern|southern|eastern|western",
        "northbound|southbound|eastbound|westbound",
        "northerly|southerly|easterly|westerly",
        "red|orange|yellow|green|blue|purple violet|pink|brown|black|white|grey gray",
        "morning mornings|afternoon afternoons|evening evenings|night nights overnight",
        "breakfast|lunch|dinner supper",
        "spring|summer|autumn fall|winter",
        "male|female",
        "men|women",
        "men's|women's",
        # materials: metals ("re-plate the white gold" / "the platinum") and fabrics
        "gold yellow_gold|white_gold|rose_gold|silver sterling_silver|platinum|palladium|titanium|stainless_steel"
        "|tungsten|copper|brass|bronze|aluminium aluminum",
        "cotton|linen|wool|silk|polyester|nylon|leather",
        # animals, each with its plural and the words for its young ("feeds the otters" / "feeds the beavers");
        # words with a common other sense ("seal", "bat", "mouse", "turkey", "crane") are left out
        "dog dogs puppy puppies|cat cats kitten kittens|rabbit rabbits bunny bunnies|hare hares"
        "|horse horses pony ponies|donkey donkeys|cow cows cattle calf calves|pig pigs piglet piglets"
        "|sheep lamb lambs|goat goats"
        "|chicken chickens hen hens chick chicks|duck ducks duckling ducklings|goose geese|swan swans"
        "|otter otters|beaver beavers|badger badgers|fox foxes|deer|squirrel squirrels|hedgehog hedgehogs"
        "|hamster hamsters|guinea_pig guinea_pigs|ferret ferrets|rat rats|wolf wolves|bear bears|lion lions"
        "|tiger tigers|leopard leopards|cheetah cheetahs|elephant elephants|giraffe giraffes|zebra zebras"
        "|rhino rhinos|hippo hippos|gorilla gorillas|chimpanzee chimpanzees|monkey monkeys|meerkat meerkats"
        "|penguin penguins|dolphin dolphins|whale whales|shark sharks|owl owls|eagle eagles|parrot parrots"
        "|frog frogs|toad toads|snake snakes|lizard lizards|tortoise tortoises turtle turtles"
        "|crocodile crocodiles|alligator alligators|camel camels|llama llamas|alpaca alpacas"
        # and those named in two words ("a red panda cub" / "a snow leopard cub"); a two-word name whose last word
        # is another member names a kind of it ("polar bear" / "bear"), no alternative to it
        "|panda pandas giant_panda giant_pandas|red_panda red_pandas lesser_panda lesser_pandas"
        "|polar_bear polar_bears|brown_bear brown_bears grizzly_bear grizzly_bears|black_bear black_bears"
        "|snow_leopard snow_leopards|sea_lion sea_lions|sea_otter sea_otters|sea_turtle sea_turtles"
        "|killer_whale killer_whales orca orcas|humpback_whale humpback_whales|bald_eagle bald_eagles"
        "|golden_eagle golden_eagles|barn_owl barn_owls|snowy_owl snowy_owls|arctic_fox arctic_foxes"
        "|emperor_penguin emperor_penguins|king_penguin king_penguins|komodo_dragon komodo_dragons"
        "|koala koalas|kangaroo kangaroos|wallaby wallabies|lemur lemurs|orangutan orangutans"
        "|flamingo flamingos flamingoes|ostrich ostriches|capybara capybaras|wombat wombats|raccoon raccoons"
        "|hyena hyenas|walrus walruses|manatee manatees",
    )
)
# Endings of the names of fields of study and practice and of their practitioners: two words with one ending are
# two alternatives of a closed set ("cardiology" / "oncology", "dermatologist" / "neurologist").
FIELD_ENDINGS: tuple[str, ...] = (
    "ology", "ologies", "ologist", "ologists", "ological", "ography", "ographer", "ographers",
    "iatry", "iatrist", "iatrists", "iatrics", "iatric",
)  # fmt: skip

# Endings of the generic names of medicines (the stems of WHO's International Nonproprietary Names, which name one
# substance each): two words with such an ending are two medicines, whatever their class ("ibuprofen" / "ketoprofen" /
# "diclofenac", "omeprazole" / "lansoprazole"). Endings that common words share ("-ine", "-one", "-terol" of
# "cholesterol") are left out.
MEDICINE_ENDINGS: tuple[str, ...] = (
    "profen", "fenac", "coxib", "cillin", "mycin", "micin", "cycline", "oxacin", "azole", "tidine", "olol",
    "pril", "sartan", "dipine", "statin", "gliptin", "gliflozin", "formin", "glitazone", "oxetine", "pramine",
    "triptyline", "azepam", "azolam", "parin", "farin", "semide", "thiazide", "lukast", "triptan", "setron",
    "tinib", "ciclovir", "navir", "mab", "dronate", "olone", "asone", "isone", "amol", "adol", "opram", "traline",
    "afil", "azosin", "tropin", "relin",
)  # fmt: skip

# First parts that form English compounds rather than the names of things: "self-service", "non-stop", "all-inclusive".
COMPOUND_PREFIXES = _words(
    "self non pre post co re anti multi semi sub super over under well ill half all mid cross ex "
    "inter intra extra ultra mini micro macro mega auto"
)

# Titles before a name, often abbreviated with a full stop ("Ms. Alvarez", "Dr. Lin"), which then ends no sentence.
# ("St." is left out: as often "Street" ending a sentence as "Saint".)
TITLES = ("mr", "mrs", "ms", "mx", "dr", "prof", "rev", "sr", "jr", "capt", "lt", "sgt", "gen", "col", "hon")

# Words that are never a name, even capitalised: pronouns, articles, greetings, weekdays, months, titles.
STOPWORDS = _words(
    "i i'm i've i'll i'd me my we our us you your yours he she it its they them their this that these "
    "those the a an and or but if then so yes no not ok okay please thanks thank hello hi dear sure note "
    "monday tuesday wednesday thursday friday saturday sunday true false null january february march "
    "april may june july august september october november december mr mrs ms dr st"
)
