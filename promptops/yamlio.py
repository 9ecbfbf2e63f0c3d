"""Safe YAML reading that keeps the line of every value, so errors can say `path:line`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from promptops.errors import InputError

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000

KeyPath = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


@dataclass
class LineMap:
    """Maps the path of a value inside a document (keys and list indexes) to its 1-based line."""

    lines: dict[KeyPath, int] = field(default_factory=dict)
    key_lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_for(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        probe = tuple(path)
        while True:
            if probe in self.key_lines:
                return self.key_lines[probe]
            if probe in self.lines:
                return self.lines[probe]
            if not probe:
                return None
            probe = probe[:-1]


@dataclass
class YamlDocument:
    """A parsed YAML mapping with where it came from."""

    data: dict[str, Any]
    path: Path
    lines: LineMap
    text: str


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, turning every way it can be unreadable into an InputError."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    if path.is_dir():
        raise InputError("is a directory, expected a YAML file", path)
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes, larger than the {max_bytes:,} byte limit", path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    return decode_text(raw, path)


def decode_text(raw: bytes, path: Path | str) -> str:
    """Decode bytes as UTF-8 (a BOM is allowed); binary or other encodings are input errors."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (contains NUL bytes), expected UTF-8 text", path, line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}), expected UTF-8 text", path, line) from None


def load_yaml_file(path: Path | str) -> YamlDocument:
    """Read and parse one YAML file whose top level must be a mapping."""
    path = Path(path)
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: Path | str) -> YamlDocument:
    """Parse YAML text with safe_load semantics, duplicate-key and alias-bomb protection, and line tracking."""
    path = Path(path)
    if not text.strip():
        raise InputError("file is empty, expected a YAML mapping", path, 1)
    if "\t" in text:
        for number, row in enumerate(text.splitlines(), start=1):
            indent = row[: len(row) - len(row.lstrip())]
            if "\t" in indent:
                raise InputError("tab character in indentation, YAML needs spaces", path, number)
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = str(exc.problem or exc.context or "invalid YAML")
        raise InputError(f"YAML syntax error: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML syntax error: {exc}", path) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise InputError("file has no YAML content, expected a mapping", path, 1)
    if len(nodes) > 1:
        raise InputError("file holds several YAML documents, expected one", path, nodes[1].start_mark.line + 1)
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"top level is a {_kind(root)}, expected a mapping of keys", path, root.start_mark.line + 1)
    builder = _Builder(path)
    data = builder.build(root, ())
    assert isinstance(data, dict)
    return YamlDocument(data=data, path=path, lines=builder.lines, text=text)


def _compose(text: str) -> list[yaml.Node]:
    """Node trees of every document: libyaml when present (~9x faster on large suites), pure Python otherwise.

    A document libyaml rejects is parsed again in pure Python, so syntax errors read the same either way.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return list(yaml.compose_all(text, Loader=fast))
        except yaml.YAMLError:
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "scalar"


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Builder:
    """Turns a composed node tree into Python values, counting nodes so aliases cannot explode."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = LineMap()
        self.count = 0
        self.constructor = SafeConstructor()
        self.merged: dict[int, int] = {}

    def build(self, node: yaml.Node, at: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                f"document expands to more than {MAX_NODES:,} values (alias bomb?)", self.path, node.start_mark.line + 1
            )
        self.lines.lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            # Collections are built here, not by the constructor, so a tag it would refuse must be refused here.
            raise InputError(f"unsupported YAML tag '{node.tag}'", self.path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*at, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:  # most scalars of a suite: the constructor would return the text as it is
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as exc:
            # PyYAML lets ValueError, AttributeError... out of `!!int abc`, `!!timestamp x` or an impossible
            # date like 2024-13-45; any of them is bad input, not a crash.
            problem = getattr(exc, "problem", None) or str(exc)
            raise InputError(f"bad value: {problem}", self.path, node.start_mark.line + 1) from None

    def _mapping(self, node: yaml.MappingNode, at: KeyPath) -> dict[str, Any]:
        # flatten_mapping puts the pairs a `<<:` brings in first (the mapping's own keys override them), in place:
        # an alias of the same node later finds it flattened already, so the count is remembered per node
        merged = self.merged.get(id(node), 0)
        merge_keys = sum(key_node.tag == _MERGE_TAG for key_node, _ in node.value)
        if merge_keys:
            own = len(node.value) - merge_keys
            try:
                self.constructor.flatten_mapping(node)
                merged = self.merged[id(node)] = len(node.value) - own
            except yaml.YAMLError as exc:  # a `<<:` merge key whose value is not a mapping
                problem = getattr(exc, "problem", None) or str(exc)
                raise InputError(f"bad merge key: {problem}", self.path, node.start_mark.line + 1) from None
        result: dict[str, Any] = {}
        inherited: set[str] = set()  # keys brought in by `<<:`, which the mapping's own keys may override
        for index, (key_node, value_node) in enumerate(node.value):
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError("mapping key must be a plain value", self.path, line)
            key = self._scalar(key_node)
            if not isinstance(key, str | int | float | bool) or key is None:
                raise InputError(f"mapping key {key!r} must be a string", self.path, line)
            key = str(key) if not isinstance(key, str) else key
            if index < merged:
                inherited.add(key)
            elif key in inherited:
                inherited.discard(key)
            elif key in result:
                first = self.lines.key_lines.get((*at, key))
                where = f" (first defined on line {first})" if first else ""
                raise InputError(f"duplicate key '{key}'{where}", self.path, line)
            self.lines.key_lines[(*at, key)] = line
            result[key] = self.build(value_node, (*at, key))
        return result
