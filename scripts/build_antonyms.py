"""Build promptops/data/wordnet_antonyms.txt: pairs of opposite words from WordNet 3.0, with their inflections.

Run once by hand; needs the WordNet 3.0 database of Debian's `wordnet-base` package:
    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb /tmp/wn
    .venv/bin/python scripts/build_antonyms.py /tmp/wn/usr/share/wordnet
(or `apt-get install wordnet-base` and no argument: /usr/share/wordnet). The drift checks read only the file this
writes (`promptops.wordnet_antonyms`); WordNet itself is never needed at run time.

What is taken: the direct antonyms of WordNet ("!" pointers between two lemmas) of adjectives, verbs and adverbs
("wet"/"dry", "lower"/"raise", "accurately"/"inaccurately"). Nouns are left out: their antonyms are mostly roles and
parts ("head"/"foot", "day"/"night", "friend"/"foe") that honest rewordings name in passing, and the claims a text
makes are carried by its verbs, adjectives and adverbs. An adjective's satellites (its "&", similar-to, links) are
opposed to its antonym too — "moist", similar to "wet", against "dry"; "rapid", similar to "fast", against "slow" —
but more strictly than direct pairs, as a satellite is often similar in a loose or rare sense ("radical" of "new"):
the satellite must be attested in the tagged corpus and used in its similar sense in at least `MIN_SIMILAR_SHARE` of
its tagged uses, and the head's antonym must be attested in the opposed sense (at least `MIN_SHARE`). Two satellites
are never opposed to each other ("damp" / "arid").

The filter, so that a pair is an opposition in the words' usual sense, not in a sense a rewording uses them in:
- one word each: multiword entries ("take_away", "stand_still") are left out; letters (and inner hyphens) only, at
  least `MIN_LETTERS` letters;
- no function word, auxiliary or quantifier of the drift checks' own lists (`change_lexicon.FUNCTION_WORDS`,
  `AUXILIARIES`, `NEGATION_SKIP`, `STOPWORDS`, `NEGATION_WORDS`: "here"/"there", "all"/"some", "more"/"less"), no
  light verb (`LIGHT_VERBS`: "let us know", "keep in mind", whose sense their object sets) and no word a text uses
  mostly as a preposition (`PREPOSITIONS`: "half past seven", "like this");
- none of the most used words: WordNet's sense-tagged corpus counts (`cntlist.rev`, from SemCor) give how often
  each sense of a lemma was used; a word used `MAX_TAGGED` times or more (the 73 commonest lemmas: "leave", "new",
  "good", "little", "much", "begin", "sit") has many senses and is used loosely — "entering and leaving" is said
  "arriving and departing", "a little flake food" is no opposite of "as much as they finish";
- the senses in which the two are opposites must be usual senses of both words: they must carry at least
  `MIN_SHARE` of the word's tagged uses, counted over every part of speech, when it has at least `MIN_TAGGED` of
  them (a rarer word, "overpaid", "inaccurate", has few senses and is taken as it is). This leaves out the
  many-sense words a rewording uses in another sense: "come"/"go" (the opposed senses are 8% of "go"'s uses),
  "give"/"take", "keep"/"lose", "find"/"lose", "back"/"front" ("back" is mostly an adverb), "heavy"/"light"
  ("light" is mostly a noun), while "lower"/"raise" (20% of "raise"), "hard"/"soft", "wet"/"dry" stay.
Noun pairs, built with the same filter, added no catch on the labelled pairs, so they are not read (see above).
The hand-written pairs of `change_lexicon.ANTONYMS` take priority at run time (`promptops.word_concepts`): a WordNet
pair of two words that the lexicon already relates (as opposites, "open"/"close", or as one side, "accept"/"allow")
is skipped there, so that the file needs no rebuild when the lexicon changes; and a pair of verbs only says nothing of
a form used as a noun after a determiner ("your stay" is no "stay" against "change").

Inflections: verbs get their third person, past, participle and "-ing" forms, adjectives their comparative and
superlative, from WordNet's exception lists (`verb.exc`, `adj.exc`, `adv.exc`: "overpaid", "driest", "hid") or by
the regular rules (a final consonant doubled after one short vowel in a word of one syllable, "wet" → "wetting");
a comparative by rule only for a word of one syllable or of two ending in "y" ("harder", "emptier"), and only when
the common-word list (`promptops/data/common_words.txt.gz`) has it. A past form or comparative that WordNet lists as
a noun or verb of its own ("lay" of "lie", "left" of "leave", "rose" of "rise", "drier", "number" of "numb") is left
out: a text may use it as that word. "-ing" and "-s" forms are kept: they are the verb's own noun and plural.

Output: WordNet's copyright notice and disclaimer as "#" comments, then one pair per line: the parts of speech, the
first word with its inflections, the second word with its inflections, separated by tabs
("a,v<TAB>dry driest dryest dried dries drying<TAB>wet wettest wetted wets wetting"); the first form on each side is
the lemma. Sorted, so the same database gives the same file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from promptops import change_lexicon as lexicon  # noqa: E402
from promptops.common_words import is_common_word  # noqa: E402

OUT = ROOT / "promptops" / "data" / "wordnet_antonyms.txt"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
MIN_LETTERS = 3
MIN_SHARE = 0.15
MIN_SIMILAR_SHARE = 0.5
MIN_TAGGED = 5
MAX_TAGGED = 300
PARTS_OF_SPEECH = {"adj": "a", "verb": "v", "adv": "r"}
ALL_FILES = {"adj": "a", "verb": "v", "adv": "r", "noun": "n"}
# the sense keys of cntlist.rev number parts of speech: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite
SENSE_KEY_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_VOWELS = "aeiou"
NOTICE = """\
Antonym pairs derived from WordNet 3.0 by scripts/build_antonyms.py (see its docstring for the filter).

WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.

Format: parts of speech (a adjective, v verb, r adverb), then the two words, each with its inflections, tab-separated.
"""


@dataclass
class WordNet:
    """What the build needs of the database: antonym pairs, sense order, tag counts, lemmas and exceptions."""

    # (lemma a, lemma b) → part of speech → (synset offsets of a, of b) in which the two are opposed
    antonyms: dict[tuple[str, str], dict[str, tuple[set[str], set[str]]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    # (pos, lemma) → synset offsets, most used sense first
    senses: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # (pos, lemma, sense number) → tagged uses
    tagged: dict[tuple[str, str, int], int] = field(default_factory=lambda: defaultdict(int))
    # the pairs of lemmas that WordNet opposes directly (the others are a satellite against its head's antonym)
    direct: set[tuple[str, str]] = field(default_factory=set)
    # pair of lemmas → those of its two that are satellites ("moist" of "dry"/"moist": similar to "wet")
    satellites: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    # lemma → the parts of speech it is a lemma of
    lemmas: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # (pos, base) → its irregular forms
    exceptions: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))


def _lemma(word: str) -> str:
    """A lemma as written in text: "galore(ip)" → "galore", "Take_Away" → "take_away"."""
    return re.sub(r"\(.*\)$", "", word).lower()


def read_synsets(
    path: Path, pos: str, similar: dict[str, set[str]] | None = None
) -> tuple[dict[str, list[str]], list[tuple[str, int, str, int]]]:
    """A data file's synsets (offset → lemmas) and its antonym pointers (offset, word, target offset, target word);
    the similar-to links of adjectives ("&": a satellite and its head) are added to `similar`."""
    synsets: dict[str, list[str]] = {}
    pointers: list[tuple[str, int, str, int]] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence at the top of the file
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        synsets[offset] = [_lemma(fields[4 + 2 * i]) for i in range(count)]
        at = 4 + 2 * count
        for i in range(int(fields[at])):
            symbol, target, _target_pos, words = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if symbol == "!" and pos in PARTS_OF_SPEECH.values():
                pointers.append((offset, int(words[:2], 16), target, int(words[2:], 16)))
            elif symbol == "&" and similar is not None:
                similar.setdefault(offset, set()).add(target)
    return synsets, pointers


def read_wordnet(directory: Path) -> WordNet:
    """Read the data, index, exception and tag-count files of a WordNet 3.0 database."""
    wordnet = WordNet()
    for name, pos in ALL_FILES.items():
        similar: dict[str, set[str]] = {}
        synsets, pointers = read_synsets(directory / f"data.{name}", pos, similar if pos == "a" else None)
        for offset, word, target, target_word in pointers:
            opposed = (synsets[offset][word - 1], offset), (synsets[target][target_word - 1], target)
            wordnet.direct.add(_add_antonym(wordnet, pos, *opposed))
            for (_head, head_offset), (other, other_offset) in (opposed, opposed[::-1]):
                for satellite in similar.get(head_offset, set()):
                    for lemma in synsets[satellite]:
                        key = _add_antonym(wordnet, pos, (lemma, satellite), (other, other_offset))
                        wordnet.satellites[key].add(lemma)
        for line in (directory / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, pointer_count = fields[0], int(fields[3])
            wordnet.senses[(pos, lemma)] = fields[6 + pointer_count :]
            wordnet.lemmas[lemma].add(pos)
        for line in (directory / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            inflected, *bases = line.split()
            for base in bases:
                wordnet.exceptions[(pos, base)].add(inflected)
    for line in (directory / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, sense, count = line.split()
        lemma, _, rest = key.partition("%")
        wordnet.tagged[(SENSE_KEY_POS[rest[0]], lemma, int(sense))] += int(count)
    return wordnet


def _add_antonym(wordnet: WordNet, pos: str, first: tuple[str, str], second: tuple[str, str]) -> tuple[str, str]:
    """Record two lemmas (each with the synset in which it is opposed to the other) as opposites; the pair's key."""
    (a, a_offset), (b, b_offset) = sorted([first, second])
    found = wordnet.antonyms[(a, b)].setdefault(pos, (set(), set()))
    found[0].add(a_offset)
    found[1].add(b_offset)
    return a, b


def tagged_uses(wordnet: WordNet, lemma: str) -> int:
    """How often the lemma was tagged in the corpus, in any sense and part of speech."""
    return sum(
        wordnet.tagged.get((pos, lemma, n + 1), 0)
        for pos in ALL_FILES.values()
        for n in range(len(wordnet.senses.get((pos, lemma), [])))
    )


def opposed_share(wordnet: WordNet, lemma: str, offsets: dict[str, set[str]]) -> float | None:
    """The share of the lemma's tagged uses that are in the opposed senses (`offsets` by part of speech); None for a
    rarely tagged lemma."""
    total = tagged_uses(wordnet, lemma)
    if total < MIN_TAGGED:
        return None
    opposed = sum(
        wordnet.tagged.get((pos, lemma, n + 1), 0)
        for pos, found in offsets.items()
        for n, offset in enumerate(wordnet.senses.get((pos, lemma), []))
        if offset in found
    )
    return opposed / total


# Light verbs, whose sense their object sets ("let us know", "get started", "keep in mind"), and words a text uses
# mostly as prepositions ("half past seven", "round the corner", "like this"): opposed in WordNet in another sense.
LIGHT_VERBS = frozenset(["do", "get", "give", "go", "come", "have", "keep", "let", "make", "put", "set", "take"])
PREPOSITIONS = frozenset(["like", "near", "past", "round", "unlike", "via"])
_EXCLUDED = (
    lexicon.FUNCTION_WORDS
    | lexicon.AUXILIARIES
    | lexicon.NEGATION_SKIP
    | lexicon.STOPWORDS
    | lexicon.NEGATION_WORDS
    | LIGHT_VERBS
    | PREPOSITIONS
)


def kept(wordnet: WordNet, a: str, b: str, by_pos: dict[str, tuple[set[str], set[str]]]) -> bool:
    """The pair passes the filter of the module docstring."""
    for word in (a, b):
        if not _WORD.fullmatch(word) or len(word.replace("-", "")) < MIN_LETTERS or word in _EXCLUDED:
            return False
    if a == b:
        return False
    if max(tagged_uses(wordnet, a), tagged_uses(wordnet, b)) >= MAX_TAGGED:
        return False
    shares = [
        opposed_share(wordnet, word, {pos: found[i] for pos, found in by_pos.items()}) for i, word in enumerate((a, b))
    ]
    if (a, b) not in wordnet.direct:
        # a satellite against its head's antonym: the satellite must be attested, and mostly used, in its similar sense
        # and its head's antonym attested in the opposed sense as well
        satellites = wordnet.satellites[(a, b)]
        least = [MIN_SIMILAR_SHARE if word in satellites else MIN_SHARE for word in (a, b)]
        return all(share is not None and share >= m for share, m in zip(shares, least, strict=True))
    return all(share is None or share >= MIN_SHARE for share in shares)


def _syllables(word: str) -> int:
    """A rough count of a word's syllables: its groups of vowels, a silent final "e" left out."""
    groups = re.findall(r"[aeiouy]+", word.removesuffix("e") if len(word) > 3 else word)
    return max(1, len(groups))


def _doubles(word: str) -> bool:
    """A final consonant doubled before "-ed", "-ing", "-er": one syllable ending in one short vowel and a consonant."""
    return (
        _syllables(word) == 1
        and len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def _suffixed(word: str, suffix: str) -> str:
    """The word with "-ed", "-ing", "-er" or "-est" added by the regular rules ("stop" → "stopped", "dry" →
    "dried", "close" → "closing", "die" → "dying")."""
    if suffix == "ing":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
            return word[:-1] + "ing"
    elif word.endswith("e"):
        return word + suffix[1:]
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1] + "i" + suffix
    if _doubles(word):
        return word + word[-1] + suffix
    return word + suffix


def _third_person(word: str) -> str:
    """ "stop" → "stops", "dry" → "dries", "push" → "pushes"."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _own_word(wordnet: WordNet, form: str, base: str) -> bool:
    """The form is a noun or verb of WordNet of its own, not only an inflection of the base ("rose" of "rise")."""
    return form != base and bool(wordnet.lemmas.get(form, set()) & {"n", "v"})


def inflections(wordnet: WordNet, pos: str, lemma: str) -> list[str]:
    """The forms of a lemma in one part of speech, the lemma first."""
    irregular = {f for f in wordnet.exceptions.get((pos, lemma), set()) if _WORD.fullmatch(f)}
    regular: list[str] = []
    if pos == "v":
        regular = [_third_person(lemma), _suffixed(lemma, "ing")]
        past = _suffixed(lemma, "ed")
        if not any(not f.endswith(("ing", "s")) for f in irregular) and not _own_word(wordnet, past, lemma):
            regular.append(past)
    elif pos == "a" and not irregular and (_syllables(lemma) == 1 or (_syllables(lemma) == 2 and lemma[-1] == "y")):
        regular = [
            form
            for form in (_suffixed(lemma, "er"), _suffixed(lemma, "est"))
            if is_common_word(form) and not _own_word(wordnet, form, lemma)
        ]
    forms = [lemma, *sorted(f for f in irregular if not _own_word(wordnet, f, lemma)), *regular]
    return list(dict.fromkeys(forms))


def build(wordnet: WordNet) -> list[str]:
    """The lines of the data file after its notice: one per pair of lemmas, its parts of speech merged."""
    lines = []
    for (a, b), opposed in sorted(wordnet.antonyms.items()):
        if not kept(wordnet, a, b, opposed):
            continue
        by_pos = {pos: (inflections(wordnet, pos, a), inflections(wordnet, pos, b)) for pos in opposed}
        left = list(dict.fromkeys(f for forms in by_pos.values() for f in forms[0]))
        right = list(dict.fromkeys(f for forms in by_pos.values() for f in forms[1]))
        lines.append(f"{','.join(sorted(by_pos))}\t{' '.join(left)}\t{' '.join(right)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", nargs="?", type=Path, default=DEFAULT_WORDNET, help="the WordNet dict directory")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lines = build(read_wordnet(args.wordnet))
    notice = "".join(f"# {line}".rstrip() + "\n" for line in NOTICE.splitlines())
    args.out.write_text(notice + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pairs → {args.out}")


if __name__ == "__main__":
    main()
