"""Project configuration: the `[tool.promptops]` table of pyproject.toml, with defaults."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from pydantic import Field, ValidationError, field_validator

from promptops.errors import ConfigError
from promptops.project_root import find_root
from promptops.prompt import Strict
from promptops.urls import checked_base_url
from promptops.validation import did_you_mean, without_pydantic_prefix

RecordMode = Literal["none", "new", "all", "off"]

# Defaults measured on the default model, all-MiniLM-L6-v2 (benchmarks/similarity_threshold.py, docs/drift.md):
# every paraphrase in the labelled set scores ≥ 0.59, ≥ 99.7% of unrelated answers score below 0.55.
SIMILAR_THRESHOLD = 0.55
DRIFT_THRESHOLD = 0.55


class ProjectConfig(Strict):
    """Settings a project keeps in `[tool.promptops]`; every one has a sane default."""

    prompts_dir: str = "prompts"
    suites_dir: str = "suites"
    recordings_dir: str = "suites/recordings"
    store_dir: str = ".promptops"
    provider: str | None = Field(default=None, description="Override every prompt's model.provider")
    model: str | None = Field(default=None, description="Override every prompt's model.name")
    base_url: str | None = None
    concurrency: int = Field(default=8, ge=1, le=1024)
    timeout: float = Field(default=60.0, gt=0)
    retries: int = Field(default=4, ge=0, le=20)
    record: RecordMode | None = None
    embedding_model: str | None = None
    similar_threshold: float = Field(default=SIMILAR_THRESHOLD, ge=-1, le=1)
    drift_threshold: float = Field(default=DRIFT_THRESHOLD, ge=-1, le=1)
    drift_mode: Literal["warn", "fail"] = "warn"
    drift_reviews: str = "drift-reviews.yaml"
    target: float = Field(default=0.9, ge=0, le=1)
    local_threads: int | None = Field(default=None, ge=1)

    @field_validator("base_url")
    @classmethod
    def _base_url_is_http(cls, value: str | None) -> str | None:
        return checked_base_url(value)


class Project(Strict):
    """A project root with its configuration; every path promptops touches is resolved from here."""

    root: Path
    config: ProjectConfig = Field(default_factory=ProjectConfig)
    config_path: Path | None = None

    @property
    def prompts_dir(self) -> Path:
        return self.root / self.config.prompts_dir

    @property
    def suites_dir(self) -> Path:
        return self.root / self.config.suites_dir

    @property
    def recordings_dir(self) -> Path:
        return self.root / self.config.recordings_dir

    @property
    def store_dir(self) -> Path:
        return self.root / self.config.store_dir

    @property
    def drift_reviews_path(self) -> Path:
        return self.root / self.config.drift_reviews

    @property
    def record_mode(self) -> RecordMode:
        """`none` (replay only) in CI (CI=true), `new` elsewhere, unless configured."""
        if self.config.record is not None:
            return self.config.record
        return "none" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "new"


def load_project(start: Path | None = None, overrides: dict[str, Any] | None = None) -> Project:
    """Find the project root and read its `[tool.promptops]` configuration."""
    root = find_root(start)
    pyproject = root / "pyproject.toml"
    table: dict[str, Any] = {}
    config_path: Path | None = None
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
            where = int(found.group(1)) if found else None
            raise ConfigError(f"invalid TOML: {exc}", pyproject, where) from None
        except UnicodeDecodeError:
            raise ConfigError("not valid UTF-8", pyproject) from None
        raw = data.get("tool", {}).get("promptops", {})
        if not isinstance(raw, dict):
            raise ConfigError("[tool.promptops] must be a table", pyproject)
        table = {k.replace("-", "_"): v for k, v in raw.items()}
        config_path = pyproject
    merged = {**table, **{k: v for k, v in (overrides or {}).items() if v is not None}}
    try:
        config = ProjectConfig.model_validate(merged)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            hint = did_you_mean(key, ProjectConfig.model_fields)
            message = f"[tool.promptops] unknown key '{key}'{hint}"
        else:
            message = f"[tool.promptops] {key}: {without_pydantic_prefix(err['msg'])}"
        raise ConfigError(message, config_path or root, _toml_line(pyproject, key)) from None
    return Project(root=root, config=config, config_path=config_path)


def _toml_line(path: Path, key: str) -> int | None:
    """Best-effort line of `key` inside [tool.promptops] for error messages."""
    if not path.is_file():
        return None
    inside = False
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == "[tool.promptops]"
        elif inside and stripped.split("=", 1)[0].strip().replace("-", "_") == key:
            return number
    return None
