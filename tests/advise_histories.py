"""Synthetic prompt histories with known truth, as real git repositories, and the fake model that answers them.

Each prompt version's system message says which cases the model gets right (`Known:`), which it gets right
only every other time (`Unsure:`), and whether it answers in JSON; `model` reads those lines, so a version's
text alone decides which cases pass.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.gitrepo import GitRepo, init_repo

PROMPT = "helper"
MODEL = "tests.advise_histories:model"
_calls: Counter[tuple[str, str]] = Counter()
_lock = threading.Lock()


def _directive(system: str, key: str) -> list[str]:
    for line in system.splitlines():
        if line.startswith(f"{key}:"):
            return line.split(":", 1)[1].split()
    return []


def model(messages: list[dict[str, str]], params: dict[str, Any]) -> dict[str, Any]:
    """Answer `Question about cNN` right when the system message lists cNN as known (alternately when unsure)."""
    system = messages[0]["content"]
    case = messages[-1]["content"].split()[-1]
    if case in _directive(system, "Unsure"):
        with _lock:
            _calls[(system, case)] += 1
            right = _calls[(system, case)] % 2 == 0
    else:
        right = case in _directive(system, "Known")
    answer = f"The answer is FACT-{case}."
    if _directive(system, "Format") == ["json"]:
        text = json.dumps({"answer": answer}) if right else '{"answer": "' + answer + '"'
    else:
        text = answer if right else "I do not know."
    tokens = len(system.split())
    return {"text": text, "prompt_tokens": tokens, "completion_tokens": len(text.split()), "cost_usd": tokens * 1e-6}


@dataclass(frozen=True)
class Version:
    """One prompt version: the cases it gets right, those it gets right half the time, and extra wording."""

    known: Iterable[int]
    unsure: Iterable[int] = ()
    padding: int = 0


@dataclass(frozen=True)
class Scenario:
    """A history with the verdict it must get."""

    versions: list[Version]
    expected: str
    cases: int = 20
    repeat: int = 1
    json_mode: bool = False
    without_expected: frozenset[int] = field(default_factory=frozenset)


def _case(i: int) -> str:
    return f"c{i:02d}"


def prompt_yaml(number: int, version: Version, json_mode: bool) -> str:
    """The prompt file of one version."""
    system = [
        f"You answer questions about cases (revision {number}).",
        "Known: " + " ".join(_case(i) for i in sorted(version.known)),
        "Unsure: " + " ".join(_case(i) for i in sorted(version.unsure)),
        "Format: " + ("json" if json_mode else "text"),
        *["Be careful, precise, polite and complete in every single answer you give." for _ in range(version.padding)],
    ]
    spec: dict[str, Any] = {
        "name": PROMPT,
        "version": number,
        "model": {"provider": "python", "name": MODEL},
        "variables": {"case": {"type": "string"}},
        "messages": [
            {"role": "system", "content": "\n".join(system)},
            {"role": "user", "content": "Question about {{ case }}"},
        ],
    }
    if json_mode:
        spec["output"] = {"format": "json"}
    return yaml.safe_dump(spec, sort_keys=False, allow_unicode=True)


def suite_yaml(scenario: Scenario) -> str:
    """The suite: one case per id, each asserting its fact (and valid JSON in JSON mode)."""
    cases = []
    for i in range(scenario.cases):
        checks: list[dict[str, Any]] = [{"type": "icontains", "value": f"FACT-{_case(i)}"}]
        if scenario.json_mode:
            checks.insert(0, {"type": "is-json"})
        case: dict[str, Any] = {"id": _case(i), "vars": {"case": _case(i)}, "assert": checks}
        if i not in scenario.without_expected:
            case["expected"] = (
                {"answer": f"The answer is FACT-{_case(i)}."}
                if scenario.json_mode
                else (f"The answer is FACT-{_case(i)}.")
            )
        cases.append(case)
    return yaml.safe_dump({"prompt": PROMPT, "repeat": scenario.repeat, "cases": cases}, sort_keys=False)


def build_history(root: Path, scenario: Scenario) -> GitRepo:
    """A real git repository at `root` holding the suite and one commit per prompt version."""
    repo = init_repo(root)
    repo.write("pyproject.toml", '[tool.promptops]\nrecord = "off"\n')
    repo.write(".gitignore", ".promptops/\n")
    repo.write(f"suites/{PROMPT}.yaml", suite_yaml(scenario))
    for number, version in enumerate(scenario.versions, start=1):
        repo.write(f"prompts/{PROMPT}.yaml", prompt_yaml(number, version, scenario.json_mode))
        repo.commit(f"prompt v{number}")
    return repo


FLAT_12 = range(12)
SCENARIOS: dict[str, Scenario] = {
    "clear improvement": Scenario(
        [Version(range(6)), Version(range(9)), Version(range(16))],
        "improving",
    ),
    "noisy flat below target": Scenario(
        [
            Version(range(12)),
            Version([*range(11), 13, 14]),
            Version([*range(10), 12]),
            Version([*range(1, 12), 15, 16]),
            Version([0, *range(2, 12), 17]),
        ],
        "plateaued — consider fine-tuning",
    ),
    "flat at target": Scenario(
        [Version(range(18)), Version(range(19)), Version([*range(17), 18]), Version(range(19))],
        "target met",
    ),
    "slow real gains": Scenario(
        [Version(range(5)), Version(range(8)), Version(range(11)), Version(range(14)), Version(range(17))],
        "improving",
    ),
    "one regression": Scenario(
        [Version(range(10)), Version(range(14)), Version(range(16)), Version(range(8))],
        "regressing",
    ),
    "too few versions": Scenario([Version(range(5)), Version(range(15))], "insufficient history"),
    "too few cases to tell": Scenario(
        [Version(range(1)), Version(range(2)), Version(range(3)), Version(range(4))],
        "insufficient history",
        cases=4,
    ),
    "high-variance outputs": Scenario(
        [Version(range(10), unsure=range(10, 16), padding=n) for n in range(4)],
        "plateaued — consider fine-tuning",
        repeat=4,
    ),
    "format-failure plateau": Scenario(
        [Version(FLAT_12, padding=n) for n in range(4)],
        "plateaued — consider fine-tuning",
        json_mode=True,
    ),
    "length growth without gain": Scenario(
        [Version(FLAT_12, padding=n) for n in (0, 2, 6, 12)],
        "plateaued — consider fine-tuning",
    ),
    "target met after improvement": Scenario(
        [Version(range(8)), Version(range(12)), Version(range(19))],
        "target met",
    ),
    "gain then flat": Scenario(
        [
            Version(range(6)),
            Version(range(14)),
            Version(range(14), padding=1),
            Version(range(14), padding=2),
            Version(range(14), padding=3),
        ],
        "plateaued — consider fine-tuning",
    ),
}
