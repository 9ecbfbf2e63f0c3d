"""A name replaced in place by another name where the capitalised-name check cannot see it: "on the orders-retry
queue" → "on the invoices-retry queue", "run it with kubectl first" → "run it with kubeadm first".

Two kinds of lower-case names are told from ordinary words:

- an identifier of hyphenated or underscored parts (a topic, service, bucket, queue or branch name) that kept every
  part but one: `orders-retry` → `invoices-retry`, `order_service` → `billing_service`. English compounds are
  not identifiers: a compound with a part that is a function word or particle ("follow-up", "day-to-day"), a number
  or a count ("two-week", "one-node", "single-node"), a prefix that forms compounds ("self-service", "non-stop"), a
  word of an opposite pair or a closed set ("slow-paced", "top-rated": the polarity and alternative checks judge
  those), or an adjective, participle or adverb ending ("well-known", "family-owned", "user-friendly") is said of
  something, not its name;
- a word no dictionary lists in lower case (a tool, a product, a substance: `kubectl`, `pytest`, `diclofenac`)
  replaced by another such word. Spelling variants keep one dictionary word ("colour" / "color", "tyre" / "tire"),
  and an abbreviation is its word ("repo" / "repository", "venv" / "virtualenv"), so neither is a change.

The names must stand between the same two neighbours on both sides (or the same parts, inside an identifier), and
neither may be said elsewhere on the other side. A command run with another program is a name replaced too, whatever
its arguments: "run mvn dependency:tree …" → "run ./gradlew dependencies …" (the word after "run" or "execute", a
path before it skipped, that no dictionary lists, or that is run by its path). So is a file name with another
extension ("report.pdf" → "report.docx"; "config.yaml" = "config.yml") or a path that lost or gained its extension
("~/.ssh/id_ed25519.pub" → "~/.ssh/id_ed25519": the private key, not the public one). So are a stored collection
named by the plural noun of what it holds ("the orders table" → "the customers table"), a member of a module or
object path ("std.heap.c_allocator" → "std.heap.page_allocator") and any lower-case reference of code replaced in
place — a word with a dot, slash, colon or "@" inside it ("np.concatenate" → "np.stack", "quay.io/fedora/fedora:40"
→ "docker.io/library/fedora:40", "conf/tomcat-users.xml" → "conf/server.xml"; `_reference_changes`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable
from typing import TypeVar

from promptops import change_lexicon as lexicon
from promptops.common_words import is_common_word
from promptops.quantities import CODE_SPAN, extract_numbers
from promptops.text_caches import TEXTS_PER_CASE
from promptops.word_concepts import content_word, has_opposite
from promptops.word_stems import stem

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]")
_PARTS = re.compile(r"[-_]")
# A rare word shorter than this may be an abbreviation or a typo ("df", "cfg"), not a name.
_MIN_NAME = 4
# Endings of adjectives, participles and adverbs: a compound with such a part describes ("family-owned", "kid-friendly",
# "time-consuming"), after a stem of at least `_MIN_STEM` letters ("table" is no "t-able"). A first part in "-ing" is
# as often a noun of a name ("billing-service"), so "-ing" counts in the last part only.
_DESCRIBING_ENDINGS = ("ed", "ly", "ful", "less", "ous", "able", "ible", "ish")
_MIN_STEM = 3
_CLOSED_SETS = frozenset(word for members in lexicon.ALTERNATIVE_SETS for words in members for word in words)

_Place = TypeVar("_Place", bound=Hashable)


def name_changes(before: str, after: str) -> list[str]:
    """ "entity orders-retry → invoices-retry" for each name whose place, between the same neighbours, another took."""
    old, new = _tokens(before), _tokens(after)
    old_words, new_words = set(old), set(new)
    old_lower, new_lower = before.lower(), after.lower()
    # A command run with another program: "run mvn dependency:tree …" → "run ./gradlew dependencies …". The program
    # is the word after a verb of running (a path before it, "./", skipped); a word no dictionary lists (or one run
    # by its path), of two letters or more, that the other side does not name.
    changes = _replaced(_programs(old, old_lower), _programs(new, new_lower), old_words, new_words, _other_word)
    # A function called in prose is code, whatever its name: "call get(count)" → "call readonly(count)"
    old_called, new_called = _called(before), _called(after)

    def renamed(word: str, other: str) -> bool:
        return _renamed(word, other) or (word in old_called and other in new_called and _other_word(word, other))

    changes += _replaced(_slots(old, old_called), _slots(new, new_called), old_words, new_words, renamed)
    changes += _replaced(
        _stored_names(old, old_lower), _stored_names(new, new_lower), old_words, new_words, _other_word
    )
    changes += _member_changes(before, after)
    changes += _file_changes(before, after)
    changes += _reference_changes(before, after)
    return list(dict.fromkeys(changes))


# A file name with its directories or extension: "~/.ssh/id_ed25519.pub", "src/app.py", "config.yaml" (not a URL:
# "//" ends no path of its own; not "e.g." or "p.m.": a name of two characters or more).
_FILE = re.compile(
    r"(?<![\w/.~:-])(?P<dir>(?:~|\.\.?)?/(?:[\w.-]+/)*|(?:[\w.-]+/)+)?"
    r"(?P<name>\.?\w[\w-]+)(?P<ext>(?:\.[a-z][a-z0-9]{0,4})*)(?![\w/-]|\.[A-Za-z0-9])"
)

# What a file name needs somewhere: an extension glued to a name or a slash.
_FILE_HINT = re.compile(r"\w\.[a-z]|/")


def _files(text: str) -> dict[str, tuple[str, str, str]]:
    """The file names of a text (a name with an extension, or a path), as written → (name, extension, directory),
    the name and extension lower-cased."""
    found: dict[str, tuple[str, str, str]] = {}
    for m in _FILE.finditer(text):
        if m.group("ext") or m.group("dir"):
            found.setdefault(m.group(0), (m.group("name").lower(), m.group("ext").lower(), m.group("dir") or ""))
    return found


def _file_changes(before: str, after: str) -> list[str]:
    """A file named by the same name with another extension ("notes.txt" → "notes.csv"), or a path that gained or
    lost its extension ("~/.ssh/id_ed25519.pub" → "~/.ssh/id_ed25519": the private key): "entity A → B". An extension
    spelled another way is the same ("config.yaml" / "config.yml"), and a name without its extension outside a path
    ("edit README.md" / "edit the README") is no file name."""
    if not (_FILE_HINT.search(before) and _FILE_HINT.search(after)):
        return []  # a side with no extension and no path names no file
    old, new = _files(before), _files(after)
    old_said = {(name, ext) for name, ext, _ in old.values()}
    new_said = {(name, ext) for name, ext, _ in new.values()}
    changes: list[str] = []
    for shown, (name, ext, folder) in old.items():
        if (name, ext) in new_said:
            continue
        for other_shown, (other_name, other_ext, other_folder) in new.items():
            if other_name != name or (other_name, other_ext) in old_said or _same_extension(ext, other_ext):
                continue
            if (ext and other_ext) or (folder if not ext else other_folder):
                changes.append(f"entity {shown} → {other_shown}")
    return changes


# A qualified name: a module, object or package path of three parts or more ("std.heap.c_allocator",
# "os.path.join"), or of two with an underscore ("user.first_name"); not a file name ("config.yaml") or "e.g.".
_MEMBER = re.compile(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?!\.?\w)")


_DOTTED = re.compile(r"\w\.[A-Za-z_]")


def _members(text: str) -> dict[str, str]:
    """The qualified names of a text whose last part is in lower case (the capitalised-name check reads the others:
    "env.API_TOKEN"), as written → the path before their last part."""
    found: dict[str, str] = {}
    for m in _MEMBER.finditer(text):
        name = m.group(1)
        path, _, last = name.rpartition(".")
        if last.islower() and (name.count(".") >= 2 or "_" in last):
            found.setdefault(name, path)
    return found


def _member_changes(before: str, after: str) -> list[str]:
    """A member of a module or object replaced by another of the same path: "use std.heap.c_allocator" → "use
    std.heap.page_allocator" names another allocator, whatever its words (a qualified name is code, which no
    dictionary reads: "c" is no word). Neither name may be said on the other side, and a file extension spelled
    another way ("app.config.yaml" / "app.config.yml") is the same name."""
    if not (_DOTTED.search(before) and _DOTTED.search(after)):
        return []  # a cheap pre-test: no dot between two characters of a name
    old, new = _members(before), _members(after)
    changes: list[str] = []
    for name, path in old.items():
        if name in new:
            continue
        other = next((o for o, p in new.items() if p == path and o not in old and o.lower() != name.lower()), None)
        if other is not None and not _same_extension(_last_part(name), _last_part(other)):
            changes.append(f"entity {name} → {other}")
    return changes


def _last_part(name: str) -> str:
    """The last part of a qualified name with its dot, lower-cased: ".yaml" of "app.config.yaml"."""
    return name[name.rindex(".") :].lower()


# What a reference of code needs: a dot, slash, colon or "@" between two characters of a word ("np.stack",
# "conf/server.xml", "fedora:40"), the quick test of most texts, whose dots end sentences before a space.
_REFERENCE_HINT = re.compile(r"\w[./:@]\w")
# Marks around a reference that are no part of it: quotes, brackets, and the punctuation of the sentence.
_REFERENCE_EDGES = "\"'`()[]{}<>,;!?*"
_QUOTES = "\"'‘“"
_REFERENCE_PARTS = re.compile(r"[^\w-]+")
_REFERENCE_JOINTS = "./:@"
# A reference whose every part is this short is an abbreviation ("e.g.", "i.e.", "a.m."), no code.
_ABBREVIATION_PART = 2


def _reference_changes(before: str, after: str) -> list[str]:
    """A reference of code — a qualified name, a path, an image or package reference, an address: any word with a
    dot, slash, colon or "@" inside it — replaced in place by another (the same word before it, the same word or mark
    after it): "with np.concatenate along" → "with np.stack along", "clojure.string/join" → "clojure.string/split",
    "pull quay.io/fedora/fedora:40" → "pull docker.io/library/fedora:40", "in conf/tomcat-users.xml and" → "in
    conf/server.xml and". Code names one thing exactly, and no synonym says it, so another reference in its slot is
    another thing, whichever of its parts changed. Not a change: the same reference shortened or qualified at one of
    its joints ("java.lang.OutOfMemoryError" / "OutOfMemoryError", "docker.io/library/fedora:40" / "fedora:40", a
    trailing "/"), an extension spelled another way ("config.yaml" / "config.yml"), references that differ only in
    their numbers (the number check reads those), and a reference said anywhere on the other side."""
    if not (_REFERENCE_HINT.search(before) and _REFERENCE_HINT.search(after)):
        return []
    old, new = _references(before), _references(after)
    if not old or not new:
        return []
    old_lower, new_lower = before.lower(), after.lower()
    changes: list[str] = []
    for slot, reference in old.items():
        other = new.get(slot)
        if other is None or reference.lower() in new_lower or other.lower() in old_lower:
            continue
        if not _same_reference(reference.lower(), other.lower()):
            changes.append(f"entity {reference} → {other}")
    return changes


def _references(text: str) -> dict[tuple[str, str], str]:
    """The references of code of a text by their slot: the word before them and the mark or word after them. Inline
    `code` is left to the code check, and a reference with a capital to the capitalised-name check ("Map.Make",
    "java.lang.OutOfMemoryError"), a quoted value to the literal check and a value after a colon ("target:
    /srv/data") to the label check."""
    words = (CODE_SPAN.sub(" ` ", text) if "`" in text else text).split()
    found: dict[tuple[str, str], str] = {}
    for k, word in enumerate(words):
        if not _REFERENCE_HINT.search(word) or word[0] in _QUOTES or (k and words[k - 1].endswith(":")):
            continue  # a quoted value is the literal check's, a value after a label's colon the label check's
        bare = word.lstrip(_REFERENCE_EDGES)
        reference = bare.rstrip(_REFERENCE_EDGES + ".:")
        if not reference.islower() or not _reference(reference):
            continue
        following = bare[len(reference) :] or (words[k + 1].lower() if k + 1 < len(words) else "")
        found.setdefault((words[k - 1].lower() if k else "", following), reference)
    return found


def _reference(word: str) -> bool:
    """The word is a reference of code: it opens with a letter or a path mark, has a joint between two characters of
    a word, and is no abbreviation of one- or two-letter parts ("e.g", "a.m") nor a time or a ratio ("10:30")."""
    if not word or not (word[0].isalpha() or word[0] in "~./") or not _REFERENCE_HINT.search(word):
        return False
    return any(len(part) > _ABBREVIATION_PART for part in _REFERENCE_PARTS.split(word))


def _same_reference(a: str, b: str) -> bool:
    """Two references (lower-cased) name one thing: one is the other shortened or qualified at a joint, or they differ
    only in an extension spelled another way or in their numbers."""
    a, b = a.rstrip("/"), b.rstrip("/")
    short, long = sorted((a, b), key=len)
    if short == long:
        return True
    if long.endswith(short) and long[-len(short) - 1] in _REFERENCE_JOINTS:
        return True  # "java.lang.OutOfMemoryError" / "OutOfMemoryError"
    if long.startswith(short) and long[len(short)] in _REFERENCE_JOINTS:
        return True  # "example.com/docs" / "example.com"
    a_path, _, a_last = a.rpartition(".")
    b_path, _, b_last = b.rpartition(".")
    if a_path and a_path == b_path and _same_extension(f".{a_last}", f".{b_last}"):
        return True
    return _DIGITS.sub("0", a) == _DIGITS.sub("0", b)


_DIGITS = re.compile(r"\d+")


def _stored_names(tokens: tuple[str, ...], lower: str) -> dict[tuple[str, str], str]:
    """The names of stored collections of records, by the words on either side: a plural noun between a determiner and
    a noun of such a collection ("the orders table", "the invoices queue"). A collection is named by what it holds,
    in the plural, so the plural noun is its name, not a description (an adjective is never plural): "joins the
    orders table" → "joins the customers table" reads another table. (`lower`: the text lower-cased.)"""
    if not any(collection in lower for collection in _COLLECTIONS):
        return {}  # no noun of a collection (the quick test of most texts)
    slots: dict[tuple[str, str], str] = {}
    for k in range(1, len(tokens) - 1):
        word = tokens[k]
        if tokens[k + 1].lower() not in _COLLECTIONS or tokens[k - 1].lower() not in lexicon.DETERMINERS:
            continue
        if word.islower() and word.isalpha() and word.endswith("s") and not word.endswith(_NOT_PLURAL):
            slots.setdefault((tokens[k - 1].lower(), tokens[k + 1].lower()), word)
    return slots


_COLLECTIONS = frozenset({"table", "collection", "bucket", "queue", "topic", "index", "schema", "dataset"})
_NOT_PLURAL = ("ss", "us", "is")


def _same_extension(a: str, b: str) -> bool:
    return a == b or any(a in variants and b in variants for variants in lexicon.FILE_EXTENSION_VARIANTS)


# A word glued to the parenthesis of its arguments ("get(count)", "store.update("); not a plural in brackets,
# "customer(s)".
_CALL = re.compile(r"(?<![\w'’-])([a-z][a-z_]*)\((?!e?s\))")


def _called(text: str) -> set[str]:
    """The lower-case words a text calls as functions ("get" in "call get(count)")."""
    return set(_CALL.findall(text)) if "(" in text else set()


def _replaced(
    old_by_place: dict[_Place, str],
    new_by_place: dict[_Place, str],
    old_words: set[str],
    new_words: set[str],
    is_other: Callable[[str, str], bool],
) -> list[str]:
    """ "entity A → B" for each place where word A stood and B stands now, neither said on the other side, and
    `is_other(A, B)`."""
    changes: list[str] = []
    for place, word in old_by_place.items():
        other = new_by_place.get(place)
        if other is None or other == word or word in new_words or other in old_words:
            continue
        if is_other(word, other):
            changes.append(f"entity {word} → {other}")
    return changes


def _programs(tokens: tuple[str, ...], lower: str) -> dict[str, str]:
    """The program each verb of running runs ("run" → "mvn"), by the verb. (`lower`: the text lower-cased.)"""
    if not any(verb in lower for verb in lexicon.RUN_VERBS):
        return {}  # no verb of running (the quick test of most texts)
    found: dict[str, str] = {}
    for k, word in enumerate(tokens[:-1]):
        if word.lower() not in lexicon.RUN_VERBS:
            continue
        j = k + 1
        while j < len(tokens) and tokens[j] in _PATH_MARKS:
            j += 1  # "./gradlew", "~/bin/tool"
        program = tokens[j] if j < len(tokens) else ""
        named = j > k + 1 or not (is_common_word(program) or program in lexicon.FUNCTION_WORDS)
        if program.islower() and program.isalpha() and len(program) >= _MIN_PROGRAM and named:
            found.setdefault(word.lower(), program)
    return found


_PATH_MARKS = frozenset({".", "/", "~"})
# A program's name may be short ("oc", "mvn", "npm"), but not a single letter.
_MIN_PROGRAM = 2


@functools.lru_cache(maxsize=TEXTS_PER_CASE)
def _tokens(text: str) -> tuple[str, ...]:
    tokens = _TOKEN.findall(text)
    return tuple(t.replace("’", "'") for t in tokens) if "’" in text else tuple(tokens)


def _slots(tokens: tuple[str, ...], called: set[str]) -> dict[tuple[str, str], str]:
    """The lower-case words that may be names (or are `called` as functions), by the words on either side of them."""
    slots: dict[tuple[str, str], str] = {}
    for k, word in enumerate(tokens):
        if _may_name(word) or (word in called and word.islower()):
            slot = (tokens[k - 1].lower() if k else "", tokens[k + 1].lower() if k + 1 < len(tokens) else "")
            slots.setdefault(slot, word)
    return slots


@functools.lru_cache(maxsize=16384)
def _may_name(word: str) -> bool:
    """A lower-case word that may be a name: an identifier or a word no dictionary lists (read once per word: the
    same words recur in every text)."""
    return word.islower() and (_identifier(word) or _rare(word))


def _renamed(word: str, other: str) -> bool:
    """Two identifiers that differ in one part, or two rare words that are not one word spelled or shortened."""
    if _identifier(word) and _identifier(other):
        parts, other_parts = _PARTS.split(word), _PARTS.split(other)
        if len(parts) != len(other_parts) or _PARTS.findall(word) != _PARTS.findall(other):
            return False
        differing = [(a, b) for a, b in zip(parts, other_parts, strict=True) if a != b]
        return len(differing) == 1 and _other_word(*differing[0])
    return _rare(word) and _rare(other) and _other_word(word, other)


def _other_word(a: str, b: str) -> bool:
    """Two words that are not one inflected ("event" / "events"), spelled alike or shortened ("repo" / "repository",
    "venv" / "virtualenv")."""
    if stem(a) == stem(b):
        return False
    short, long = sorted((a, b), key=len)
    return not (short[0] == long[0] and _subsequence(short, long))


def _subsequence(short: str, long: str) -> bool:
    """Every letter of `short`, in order, is in `long`."""
    letters = iter(long)
    return all(c in letters for c in short)


def _rare(word: str) -> bool:
    """A word no dictionary lists in lower case: a name ("kubectl", "diclofenac"), not an English word."""
    return word.isalpha() and len(word) >= _MIN_NAME and not is_common_word(word) and not has_opposite(word)


def _identifier(word: str) -> bool:
    """A name of hyphenated or underscored parts ("orders-retry", "order_service"), not an English compound."""
    if "-" not in word and "_" not in word:
        return False  # one part (the quick test of most words)
    parts = _PARTS.split(word)
    if len(parts) < 2 or not all(p.isalpha() and len(p) >= 2 for p in parts):
        return False
    if parts[0] in lexicon.COMPOUND_PREFIXES:
        return False
    if _describing(parts[-1], ("ing",)):
        return False
    return not any(
        not content_word(p)
        or p in lexicon.VERB_PARTICLES
        or p in _CLOSED_SETS
        or has_opposite(p)
        or _count(p)
        or _describing(p, _DESCRIBING_ENDINGS)
        for p in parts
    )


def _count(part: str) -> bool:
    """The part says a count ("two-week", "one-node", "single-node", "double-glazed"): a compound, not a name."""
    return bool(
        extract_numbers(part)
        or part in lexicon.SMALL_NUMBERS
        or part in lexicon.TENS
        or part in lexicon.MULTIPLIER_WORDS
        or part in lexicon.COUNT_ADJECTIVES
    )


def _describing(part: str, endings: tuple[str, ...]) -> bool:
    """The part ends as an adjective, participle or adverb does ("owned", "friendly"; not "feed", "table")."""
    return any(part.endswith(e) and len(part) - len(e) >= _MIN_STEM for e in endings) and not part.endswith("eed")
