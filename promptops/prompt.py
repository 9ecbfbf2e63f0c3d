"""The Prompt model: a validated prompt YAML document that renders to chat messages."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from promptops.errors import InputError, TemplateError
from promptops.urls import base_url_problem
from promptops.validation import YAML_BOOLEAN_HINT, build_model, did_you_mean
from promptops.yamlio import YamlDocument, load_yaml_file, parse_yaml

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
VariableType = Literal["string", "integer", "number", "boolean", "array", "object"]
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
}


class Strict(BaseModel):
    """Base for every user-facing model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


CREDENTIAL_PARAMS = frozenset({"api_key", "apikey", "api-key", "x-api-key", "authorization", "password", "secret"})


class ModelSpec(Strict):
    provider: str = "local"
    name: str = "smollm2-135m"
    params: dict[str, Any] = Field(default_factory=dict)

    @field_validator("params")
    @classmethod
    def _no_credentials(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            if key.lower() in CREDENTIAL_PARAMS:
                raise ValueError(
                    f"'{key}' looks like a credential; keep API keys in environment variables "
                    "(e.g. OPENAI_API_KEY), never in prompt files"
                )
        base_url = value.get("base_url")
        if base_url is not None and not isinstance(base_url, str):
            raise ValueError(f"base_url must be a string like 'http://127.0.0.1:8080/v1', got {base_url!r}")
        problem = base_url_problem(base_url) if base_url is not None else None
        if problem is not None:
            raise ValueError(f"base_url: {problem}")
        return value


class Variable(Strict):
    type: VariableType = "string"
    required: bool = True
    default: Any = None
    enum: list[Any] | None = None
    description: str = ""

    def check(self, name: str, value: Any) -> str | None:
        """Why `value` breaks this contract, or None when it fits."""
        expected = _PYTHON_TYPES[self.type]
        if isinstance(value, bool) and self.type in ("integer", "number"):
            return f"variable '{name}' must be {self.type}, got boolean {value!r}"
        if not isinstance(value, expected):
            hint = YAML_BOOLEAN_HINT if self.type == "string" and isinstance(value, bool) else ""
            return f"variable '{name}' must be {self.type}, got {type(value).__name__} {value!r}{hint}"
        if self.enum is not None and value not in self.enum:
            return f"variable '{name}' must be one of {self.enum}, got {value!r}"
        return None


class Message(Strict):
    role: Literal["system", "user", "assistant"]
    content: str


class OutputSpec(Strict):
    format: Literal["text", "json"] = "text"
    json_schema: dict[str, Any] | None = Field(default=None, alias="schema")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _schema_is_valid(self) -> OutputSpec:
        if self.json_schema is not None:
            from jsonschema import Draft202012Validator
            from jsonschema.exceptions import SchemaError

            try:
                Draft202012Validator.check_schema(self.json_schema)
            except SchemaError as exc:
                raise ValueError(f"invalid JSON schema: {exc.message}") from None
        return self


class PromptSpec(Strict):
    """The content of one prompt YAML file."""

    name: str | None = None
    version: int = Field(ge=1)
    description: str = ""
    model: ModelSpec = Field(default_factory=ModelSpec)
    variables: dict[str, Variable] = Field(default_factory=dict)
    messages: list[Message] = Field(min_length=1)
    output: OutputSpec = Field(default_factory=OutputSpec)
    tags: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name_is_simple(cls, value: str | None) -> str | None:
        if value is not None and not NAME_PATTERN.match(value):
            raise ValueError("name may hold letters, digits, '-', '_' and '.', and must not contain '@' or '/'")
        return value

    @field_validator("version", mode="before")
    @classmethod
    def _version_is_int(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"version must be a whole number like 3, got {value!r}")
        return value

    @field_validator("variables")
    @classmethod
    def _variable_names(cls, value: dict[str, Variable]) -> dict[str, Variable]:
        for key in value:
            if not key.isidentifier():
                raise ValueError(f"variable name '{key}' must be a valid identifier")
        return value


class Prompt(BaseModel):
    """A prompt at one version: its spec plus where it came from (path, commit)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    spec: PromptSpec
    path: Path
    commit: str | None = None
    text: str = ""
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    @property
    def version(self) -> int:
        return self.spec.version

    @property
    def label(self) -> str:
        """`name@version`, with the short commit when known and `*` for an uncommitted working copy."""
        origin = self.commit[:7] if self.commit else "working tree"
        return f"{self.name}@{self.version} ({origin})"

    def message_line(self, index: int) -> int | None:
        return self._lines.get(f"messages.{index}")

    @property
    def provider_line(self) -> int | None:
        return self._lines.get("model.provider")

    @property
    def model_name_line(self) -> int | None:
        return self._lines.get("model.name")

    @property
    def params_line(self) -> int | None:
        return self._lines.get("model.params")

    @property
    def where(self) -> str:
        """The file, as problems with this version name it: `path@commit` for a committed version."""
        return f"{self.path}@{self.commit[:7]}" if self.commit else str(self.path)

    @cached_property
    def _templates(self) -> list[Any]:
        from promptops.templating import compile_template

        return [
            compile_template(m.content, self.path, self._lines.get(f"messages.{i}"))
            for i, m in enumerate(self.spec.messages)
        ]

    def check_variables(
        self, values: dict[str, Any], *, where: Path | str | None = None, line: int | None = None
    ) -> dict[str, Any]:
        """Apply defaults and check `values` against the variable contract; returns the full set."""
        declared = self.spec.variables
        origin = where if where is not None else self.path
        for key in values:
            if declared and key not in declared:
                hint = did_you_mean(key, declared)
                raise InputError(f"unknown variable '{key}' for prompt '{self.name}'{hint}", origin, line)
        resolved: dict[str, Any] = {}
        for key, var in declared.items():
            if key in values:
                problem = var.check(key, values[key])
                if problem:
                    raise InputError(problem, origin, line)
                resolved[key] = values[key]
            elif var.default is not None:
                resolved[key] = var.default
            elif var.required:
                raise InputError(f"missing required variable '{key}' for prompt '{self.name}'", origin, line)
        if not declared:
            resolved.update(values)
        return resolved

    def render(self, **values: Any) -> list[dict[str, str]]:
        """Render the message templates with `values` as chat messages `{role, content}`."""
        resolved = self.check_variables(values)
        from promptops.templating import render_template

        return [
            {"role": m.role, "content": render_template(t, resolved, self.path, self._lines.get(f"messages.{i}"))}
            for i, (m, t) in enumerate(zip(self.spec.messages, self._templates, strict=True))
        ]

    def validate_templates(self) -> None:
        """Compile every template now, so syntax errors surface at load time."""
        _ = self._templates

    @property
    def size_chars(self) -> int:
        return sum(len(m.content) for m in self.spec.messages)


def prompt_from_document(doc: YamlDocument, *, commit: str | None = None, display_path: Path | None = None) -> Prompt:
    """Validate a parsed YAML document as a Prompt."""
    spec = build_model(PromptSpec, doc)
    path = display_path or doc.path
    stem = Path(path).name.rsplit(".", 1)[0]
    name = spec.name or stem
    if spec.name is None and not NAME_PATTERN.match(stem):
        raise InputError(f"file name '{stem}' is not a valid prompt name; set 'name:'", path, 1)
    prompt = Prompt(name=name, spec=spec, path=Path(path), commit=commit, text=doc.text)
    for key in ("provider", "name", "params"):
        line = doc.lines.line_for(("model", key))
        if line is not None:
            prompt._lines[f"model.{key}"] = line
    for i in range(len(spec.messages)):
        line = doc.lines.line_for(("messages", i, "content"))
        if line is not None:
            prompt._lines[f"messages.{i}"] = line
    prompt.validate_templates()
    _check_template_variables(prompt)
    return prompt


def _check_template_variables(prompt: Prompt) -> None:
    """Templates may only use declared variables (when any are declared)."""
    if not prompt.spec.variables:
        return
    from promptops.templating import undeclared_names

    for i, message in enumerate(prompt.spec.messages):
        for name in undeclared_names(message.content, prompt.path, prompt.message_line(i)):
            if name not in prompt.spec.variables:
                hint = did_you_mean(name, prompt.spec.variables)
                raise TemplateError(
                    f"template uses undeclared variable '{name}'{hint}; declare it under 'variables:'",
                    prompt.path,
                    prompt.message_line(i),
                )


def load_prompt_file(path: Path | str) -> Prompt:
    """Load and validate a prompt YAML file from disk (the working tree)."""
    return prompt_from_document(load_yaml_file(Path(path)))


def load_prompt_text(text: str, display_path: Path | str, commit: str | None = None) -> Prompt:
    """Load a prompt from YAML text (e.g. a blob read from git)."""
    return prompt_from_document(parse_yaml(text, Path(display_path)), commit=commit)
