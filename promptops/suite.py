"""The Suite model: cases and assertions to run against one or more prompts."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from promptops.errors import InputError
from promptops.prompt import Strict
from promptops.validation import build_model
from promptops.yamlio import KeyPath, LineMap, YamlDocument, load_yaml_file


class AssertionSpec(Strict):
    """One assertion as written in a suite; `type` is looked up in the assertion registry."""

    type: str
    value: Any = None
    threshold: float | None = None
    weight: float = Field(default=1.0, ge=0)
    path: str | None = None
    json_schema: dict[str, Any] | None = Field(default=None, alias="schema")
    provider: str | None = None
    model: str | None = None
    min: float | None = None
    max: float | None = None
    metric: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def negated(self) -> bool:
        return self.type.startswith("not-")

    @property
    def base_type(self) -> str:
        return self.type[4:] if self.negated else self.type


class Defaults(Strict):
    assert_: list[AssertionSpec] = Field(default_factory=list, alias="assert")
    vars: dict[str, Any] = Field(default_factory=dict)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Case(Strict):
    id: str
    description: str = ""
    vars: dict[str, Any] = Field(default_factory=dict)
    expected: Any = None
    assert_: list[AssertionSpec] = Field(default_factory=list, alias="assert")
    tags: list[str] = Field(default_factory=list)
    repeat: int | None = Field(default=None, ge=1, le=1000)
    threshold: float | None = Field(default=None, ge=0, le=1)
    xfail: str | None = Field(default=None, min_length=1, description="A known failure, with the reason")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("xfail", mode="before")
    @classmethod
    def _xfail_flag(cls, value: Any) -> Any:
        """`xfail: true` marks a known failure without a reason; `xfail: false` is no mark."""
        if value is True:
            return "known failure"
        return None if value is False else value


class SuiteSpec(Strict):
    """The content of one suite YAML file."""

    prompt: str | list[str]
    description: str = ""
    repeat: int = Field(default=1, ge=1, le=1000)
    threshold: float = Field(default=1.0, ge=0, le=1)
    defaults: Defaults = Field(default_factory=Defaults)
    cases: list[Case] = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)

    @property
    def prompts(self) -> list[str]:
        return [self.prompt] if isinstance(self.prompt, str) else list(self.prompt)

    @model_validator(mode="after")
    def _unique_ids(self) -> SuiteSpec:
        seen: set[str] = set()
        for case in self.cases:
            if case.id in seen:
                raise ValueError(f"duplicate case id '{case.id}'")
            seen.add(case.id)
        return self


class Suite(BaseModel):
    """A loaded suite with its file and line map (for `path:line` in reports)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    spec: SuiteSpec
    path: Path
    _lines: LineMap = PrivateAttr(default_factory=LineMap)

    def line_of(self, path: KeyPath) -> int | None:
        return self._lines.line_for(path)

    def prompt_line(self, index: int) -> int | None:
        """The line naming the suite's `index`-th prompt: `prompt: name`, or an item of a `prompt:` list."""
        return self.line_of(("prompt",) if isinstance(self.spec.prompt, str) else ("prompt", index))

    @cached_property
    def _case_index(self) -> dict[str, int]:
        return {case.id: i for i, case in enumerate(self.spec.cases)}

    def case_line(self, case_id: str) -> int | None:
        """The line of case `case_id` (a dict lookup: runs call this per case, a scan made them quadratic)."""
        index = self._case_index.get(case_id)
        return None if index is None else self.line_of(("cases", index))

    def case(self, case_id: str) -> Case:
        for case in self.spec.cases:
            if case.id == case_id:
                return case
        raise InputError(f"no case '{case_id}' in suite '{self.name}'", self.path)

    def assertions_for(self, case: Case) -> list[AssertionSpec]:
        return [*self.spec.defaults.assert_, *case.assert_]

    def vars_for(self, case: Case) -> dict[str, Any]:
        return {**self.spec.defaults.vars, **case.vars}

    def repeat_for(self, case: Case, override: int | None = None) -> int:
        if override is not None:
            return override
        return case.repeat if case.repeat is not None else self.spec.repeat

    def threshold_for(self, case: Case) -> float:
        return case.threshold if case.threshold is not None else self.spec.threshold


def suite_from_document(doc: YamlDocument) -> Suite:
    _check_duplicate_ids(doc)
    spec = build_model(SuiteSpec, doc)
    suite = Suite(name=doc.path.name.rsplit(".", 1)[0], spec=spec, path=doc.path)
    suite._lines = doc.lines
    return suite


def _check_duplicate_ids(doc: YamlDocument) -> None:
    """Point a duplicate case id at the line of the second occurrence."""
    seen: dict[str, int] = {}
    cases = doc.data.get("cases")
    if not isinstance(cases, list):
        return  # not a list: schema validation reports it
    for i, case in enumerate(cases):
        if isinstance(case, dict) and "id" in case:
            key = str(case["id"])
            line = doc.lines.line_for(("cases", i, "id"))
            if key in seen:
                raise InputError(f"duplicate case id '{key}' (first on line {seen[key]})", doc.path, line)
            seen[key] = line or 0


def load_suite_file(path: Path | str) -> Suite:
    return suite_from_document(load_yaml_file(Path(path)))
