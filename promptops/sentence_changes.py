"""Whole sentences one text adds or drops whose content the other text does not say at all: an otherwise unchanged
answer that gains "Refunds are never possible." or loses "Then call your vet straight away." ("sentence added: …",
"sentence removed: …").

A sentence is added (or removed) when at least half of its content words are nowhere in the other text, the rest of
its own text and the other text share nearly all their content words, both ways, and the other text says (outside
courtesy) at most one content word of its own: the texts differ by that sentence, not by a rewording. So sentences
that are split, merged, reordered or restated in other words are no change, and neither is a sentence the other text
says again in words of its own, in place or folded into another sentence.

Only a sentence a reader would act on counts: an instruction, a negation or prohibition, an amount or `code`, a
modal of obligation or possibility, a name, or a statement about a thing. Courtesy ("Hope this helps!", "Let me know
if you have questions", "Safe travels!"), greetings, sign-offs and disclaimers, remarks about the answer ("This
should fix it", "In short, …"), questions to the reader, lead-ins ending with a colon, headings, table rows, short
`key: value` labels and code blocks say nothing of the kind and are never reported.

`lost_clause_acts` judges the same way the clauses an answer cut mid-sentence lost, for the truncation check.
"""

from __future__ import annotations

import math
import re

from promptops import change_lexicon as lexicon
from promptops.claim_record import negation_cues
from promptops.common_words import is_common_word
from promptops.quantities import CODE_SPAN, parse_quantities
from promptops.word_concepts import WORD_OR_NUMBER, content_stems, content_word

# A sentence ends at ".", "!" or "?" before the next one's capital (or digit, quote, bracket, code mark).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(`*])")
# A full stop after a title or a common abbreviation ends no sentence: "Dr. Okafor", "e.g. Python", "No. 4".
_ABBREVIATION = re.compile(r"(?i)(?:\b(?:" + "|".join(lexicon.TITLES) + r"|st|no|vs|etc|approx|e\.g|i\.e|[a-z])\.)$")
_BULLET = re.compile(r"^\s*(?:[-*•+>]|\d{1,2}[.)]|(?i:step|stage|phase)\s+\d{1,2}\s*[:.)—–-])\s+")
# Lines that are no sentence of prose: a heading, a table row, a short `key: value` label.
_SKIPPED_LINE = re.compile(
    r"^\s*(?:#|\|)|^\s*(?:[*_]{1,2})?[A-Za-z][\w -]{0,30}(?:[*_]{1,2})?:(?:[*_]{1,2})?(?:\s+\S+){0,3}\s*$"
)
_CAPITALISED = re.compile(r"(?<=[\s(])[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")

_MIN_WORDS = 3  # content words of a sentence worth reporting
_ABSENT = 0.5  # share of its content words the other text lacks
_MIN_ABSENT = math.ceil(_ABSENT * _MIN_WORDS)  # words a reported sentence has that the other text lacks
_SAME_REST = 0.8  # share of words the rest of the text and the other text share, each way
_STRAY = 1  # content words the other text may have of its own: a small edit elsewhere, not a rewording
_SHOWN = 60  # characters of a reported sentence

# Courtesy, greetings, sign-offs and disclaimers: words that thank, apologise, wish, offer more help or hedge.
_COURTESY = re.compile(
    r"(?i)\b(?:thank|thanks|sorry|apolog|hope|hoping|glad|happy|enjoy|welcome|pleasure|congrat|appreciat|wish|"
    r"look(?:ing)? forward|let (?:me|us) know|in touch|reach out|hesitat|feel free|good luck|best of luck|"
    r"take care|safe travels|stay (?:safe|warm|dry|cool)|have (?:a|an) (?:\w+ )?(?:day|week|weekend|evening|trip|"
    r"time|stay|holiday|one)|great question|good question|good news|great news|regards|cheers|"
    r"hi\b|hello|dear\b|love|understand|here if you need|here to help|any (?:other |more |further )?questions|"
    r"anything else|if you (?:need|have|want) (?:any|more|further)|keep you (?:posted|updated|informed)|"
    r"(?:legal|medical|financial|professional) advice|as an ai|may (?:vary|differ)|subject to change|"
    r"all the best|fingers crossed|take it easy|feel better|get well|speedy recovery|safe (?:journey|trip)|"
    r"(?:drive|travel|ride) safe|unclear|reply (?:here|to this)|"
    r"(?:call|email|contact|ring|message|text|ask|tell|give|drop|send|ping) (?:me|us)\b)"
)
# Modals of obligation, permission or possibility: "must", "need to", "can", "will", "required".
_MODAL = re.compile(
    r"(?i)\b(?:must|should|shall|need(?:s|ed)? to|ha(?:ve|s|d) to|required|requires?|mandatory|compulsory|"
    r"can|cannot|can't|may|might|will|won't|only)\b"
)
# Words that open an instruction before its verb: "Then call …", "Always check …", "Please keep …".
_OPENERS = frozenset({"then", "also", "please", "always", "first", "next", "finally", "just", "now", "so", "and"})
# Connectives opening a sentence that qualifies the one before it: "Mild swelling is common. However, if your face
# swells, …". Such a sentence states the exception or limit of what was said, so a text without it says more than
# it should ("that said" opens a remark, `_REMARK`).
_CONTRAST = re.compile(r"(?i)(?:(?:however|but|nevertheless|nonetheless|even so|except)\b|(?:yet|still),)")
# Openings of a remark about the answer rather than a statement in it: praise, assent, a summary, a hoped result.
_REMARK = re.compile(
    r"(?i)(?:great|good|nice|excellent|perfect|lovely|wonderful|brilliant|awesome|fantastic|well done|sure|"
    r"of course|absolutely|certainly|no problem|no worries|in short|in summary|to sum up|to summari[sz]e|overall|"
    r"basically|in other words|that said|hopefully|doing (?:this|so)|that way|this way|"
    r"(?:this|that|these steps)(?: should| will|'ll)? (?:fix|solve|sort|resolve|help|do the trick|work))\b"
)


def sentence_changes(before: str, after: str) -> list[str]:
    """ "sentence removed: …" / "sentence added: …" for each sentence one text has and the other lacks."""
    # cheap pre-test: a sentence to report needs a few words that the other text lacks
    old, new = set(WORD_OR_NUMBER.findall(before.lower())), set(WORD_OR_NUMBER.findall(after.lower()))
    removed = _orphans(before, after) if len(old - new) >= _MIN_ABSENT else []
    added = _orphans(after, before) if len(new - old) >= _MIN_ABSENT else []
    return [f"sentence removed: {_shown(s)}" for s in removed] + [f"sentence added: {_shown(s)}" for s in added]


def _orphans(text: str, other: str) -> list[str]:
    """The sentences of `text` that say something `other` does not, when the rest of `text` is what `other` says."""
    sentences = _sentences(text)
    if len(sentences) < 2:
        return []
    other_words = content_stems(other)
    candidates = [
        s
        for s in sentences
        if (words := content_stems(s)) and len(words - other_words) >= _ABSENT * len(words) and _acts(s)
    ]
    if not candidates or not other_words:
        return []
    rest = content_stems(" ".join(s for s in sentences if s not in candidates))
    if not _same(rest, other_words) or _reworded(other, content_stems(text)):
        return []
    return candidates


_CUT_OPENERS = re.compile(r"(?i)^[\s,;:—–-]*(?:(?:and|or|but|so|then|also|as well as)\b[\s,]*)*")
# What goes on after a cut as a step or an item of its own: a coordinator or a word of sequence (", then send …",
# " and top up …"), or a semicolon or colon; not an adjunct elaborating the kept clause (", using the link").
_NEXT_STEP = re.compile(r"(?i)^\s*(?:[;:]|,?\s*(?:and|or|but|then|also|plus|as well as)\b)")
# A list cut mid-way: the kept clause has an item before the cut and the lost part closes the list ("…: soil, rubble."
# without ", food waste or bedding").
_LIST_END = re.compile(r"(?i)\b(?:and|or)\b")


def lost_clause_acts(lost: str, kept: str) -> bool:
    """The clauses an answer cut mid-sentence lost are steps or items of their own that say something a reader acts
    on: they go on with a coordinator, a word of sequence, a semicolon or a colon (", then send the verifier with the
    token request" after "Generate a code verifier, send its hash"), or finish a list the kept clause began, and
    they have at least three content words, at least half of them nowhere in what was kept. A courtesy tail (", and
    we look forward to seeing you"), a remark about the answer (", and that should fix it"), an adjunct elaborating
    the kept clause (", using the link on the login page") or a clause whose words the kept text already says
    restates nothing a reader must do."""
    if _COURTESY.search(lost):
        return False
    last_sentence = _SENTENCE_END.split(kept.removesuffix("."))[-1]
    if not (_NEXT_STEP.match(lost) or ("," in last_sentence and lost.startswith(",") and _LIST_END.search(lost))):
        return False
    clause = _CUT_OPENERS.sub("", lost)
    if _REMARK.match(clause):
        return False
    words = content_stems(clause)
    return len(words) >= _MIN_WORDS and len(words - content_stems(kept)) >= _ABSENT * len(words)


def _sentences(text: str) -> list[str]:
    """The sentences of a text's prose, bullets stripped; code blocks, headings, tables and labels left out."""
    found: list[str] = []
    in_code = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code or _SKIPPED_LINE.match(line):
            continue
        body = _BULLET.sub("", line).strip()
        start = 0
        for m in _SENTENCE_END.finditer(body):
            if not _ABBREVIATION.search(body, 0, m.start()):
                found.append(body[start : m.start()])
                start = m.end()
        found.append(body[start:])
    return [s.strip() for s in found if s.strip()]


def _same(rest: set[str], other: set[str]) -> bool:
    """The rest of a text and the other text share nearly all their words, each way."""
    shared = len(rest & other)
    return bool(rest) and shared >= _SAME_REST * len(rest) and shared >= _SAME_REST * len(other)


def _reworded(other: str, words: set[str]) -> bool:
    """The other text says something of its own (outside courtesy) that the text does not: the missing sentence may
    be said there in other words ("call your vet straight away" → "phone a veterinarian immediately"), so it is no
    addition or removal. One stray word is a small edit elsewhere."""
    said = [content_stems(s) for s in _sentences(other) if not _COURTESY.search(s)]
    return len(set().union(*said) - words) > _STRAY


def _acts(sentence: str) -> bool:
    """The sentence states something a reader would act on: an instruction, a contrast that qualifies what was said
    before ("However, …", `_CONTRAST`), a negation, an amount or `code`, a modal or a name. Courtesy, a remark about
    the answer, a question and a lead-in ending with a colon state nothing."""
    opening = _opening(sentence)
    if sentence.endswith(("?", ":")) or _COURTESY.search(sentence) or _REMARK.match(" ".join(opening)):
        return False
    if len(content_stems(sentence)) < _MIN_WORDS:
        return False
    return bool(  # the cheap readings first: reading the amounts of a sentence costs more than all the others
        _about_a_thing(sentence, opening)
        or _CONTRAST.match(sentence)
        or CODE_SPAN.search(sentence)
        or _MODAL.search(sentence)
        or negation_cues(sentence)
        or any(not is_common_word(m.group(0)) for m in _CAPITALISED.finditer(sentence))
        or any(not q.implied for q in parse_quantities(sentence))
    )


def _opening(sentence: str) -> list[str]:
    """The words of a sentence from its first word that is no opener ("Then", "Please", "Also")."""
    words = sentence.replace("’", "'").split()
    while words and words[0].lower().strip(",") in _OPENERS:
        words = words[1:]
    return words


def _about_a_thing(sentence: str, opening: list[str]) -> bool:
    """The sentence opens with a content word, not a pronoun or a function word: an instruction ("Call your vet",
    "Then move it", "Wear gloves") or a statement about a thing ("Parking costs extra"), where "I've checked your
    account" or "We're here for you" speak of the writer or the reader. An exclamation ("Enjoy the show!") states
    nothing of the kind unless it has a negation, an amount or a modal."""
    if not opening or sentence.endswith("!"):
        return False
    first = opening[0].lower().strip(",;:").split("'")[0]  # "We're", "That's": the pronoun
    return first.isalpha() and content_word(first)


def _shown(sentence: str) -> str:
    """The sentence, cut to about sixty characters."""
    return sentence if len(sentence) <= _SHOWN else sentence[: _SHOWN - 1].rstrip() + "…"
