"""Helpers of the engine tests: a throwaway promptops project with a counting python model beside it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from promptops.config import load_project
from promptops.recordings import RecordingFile
from promptops.results import RunRecord
from promptops.session import RunOptions, Session, load_suites

# Functions for the `python` provider. Every call is counted in `<function>.calls` next to the module, so
# tests can tell how many requests reached the "model" (sync functions run in worker threads).
FAKE_MODEL = '''\
import pathlib
import threading

HERE = pathlib.Path(__file__).parent
LOCK = threading.Lock()
SEEN = {}


def _count(name):
    with LOCK:
        log = HERE / f"{name}.calls"
        with log.open("a") as handle:
            handle.write("1\\n")
        return len(log.read_text().splitlines())


def echo(messages, params):
    _count("echo")
    return messages[-1]["content"]


def judge(messages, params):
    """An llm-rubric judge: passes outputs that mention the moon."""
    _count("judge")
    verdict = "moon" in messages[-1]["content"].split("Output:", 1)[1]
    return '{"pass": %s, "score": %s, "reason": "looked for the moon"}' % (str(verdict).lower(), int(verdict))


def alternate(messages, params):
    """'<prompt> yes' on odd calls and '<prompt> no' on even calls for the same prompt."""
    _count("alternate")
    key = messages[-1]["content"]
    with LOCK:
        SEEN[key] = SEEN.get(key, 0) + 1
        odd = SEEN[key] % 2
    return key + (" yes" if odd else " no")


def broken(messages, params):
    _count("broken")
    if "boom" in messages[-1]["content"]:
        raise ValueError("backend exploded")
    return messages[-1]["content"]


def interrupt(messages, params):
    """Raises KeyboardInterrupt on the call whose number is in the file `interrupt_at` (once)."""
    number = _count("interrupt")
    trigger = HERE / "interrupt_at"
    if trigger.exists() and number == int(trigger.read_text()):
        trigger.unlink()
        raise KeyboardInterrupt
    return messages[-1]["content"]
'''


def prompt_yaml(
    *,
    version: int = 1,
    provider: str = "echo",
    model: str = "echo",
    params: str = "{temperature: 0}",
    content: str = "hello {{ who }}",
    name: str = "greet",
) -> str:
    """A prompt with one required variable `who` and one user message."""
    return (
        f"name: {name}\nversion: {version}\n"
        f"model: {{provider: {provider}, name: '{model}', params: {params}}}\n"
        "variables:\n  who: {type: string, required: true}\n"
        f"messages:\n  - role: user\n    content: '{content}'\n"
    )


def suite_yaml(*cases: tuple[str, str, str], repeat: int = 1, threshold: float = 1.0, prompt: str = "greet") -> str:
    """A suite of (id, who, expected substring) cases, each asserting that the output contains the substring."""
    lines = [f"prompt: {prompt}", f"repeat: {repeat}", f"threshold: {threshold}", "cases:"]
    for case_id, who, needle in cases:
        lines += [
            f"  - id: {case_id}",
            f"    vars: {{who: '{who}'}}",
            f"    assert: [{{type: contains, value: '{needle}'}}]",
        ]
    return "\n".join(lines) + "\n"


GREET_SUITE = suite_yaml(("world", "world", "world"), ("moon", "moon", "world"), ("sun", "sun", "sun"))


@dataclass
class Workspace:
    """A promptops project in a temp dir: write files, run suites through a real Session, inspect what was kept."""

    root: Path
    module: str = field(default_factory=lambda: f"fake_model_{uuid.uuid4().hex[:8]}")

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def configure(self, **settings: Any) -> None:
        """Rewrite `[tool.promptops]` with these settings (strings quoted, numbers as they are)."""
        body = "".join(f"{k} = {v!r}\n".replace("'", '"') for k, v in settings.items())
        self.write("pyproject.toml", "[tool.promptops]\n" + body)

    def use_python(self, function: str, **prompt: Any) -> None:
        """Make prompt `greet` run on the counting fake model's `function`."""
        self.write("prompts/greet.yaml", prompt_yaml(provider="python", model=f"{self.module}:{function}", **prompt))

    def calls(self, function: str) -> int:
        """How many times the fake model's `function` was called so far."""
        log = self.root / f"{function}.calls"
        return len(log.read_text().splitlines()) if log.exists() else 0

    def session(self, **options: Any) -> Session:
        return Session(load_project(self.root), RunOptions(**options))

    def run(self, suite: str = "greet", **options: Any) -> RunRecord:
        """Run one suite on the working-tree prompt through a fresh Session, closing it afterwards."""
        session = self.session(**options)
        try:
            plans = session.plans(load_suites(session.suite_paths([suite])))
            (record,) = session.run(plans)
        finally:
            session.close()
        return record

    def recordings(self, suite: str = "greet") -> Path:
        return self.root / "suites" / "recordings" / f"{suite}.jsonl"

    def recording_file(self, suite: str = "greet") -> RecordingFile:
        return RecordingFile(self.recordings(suite))

    def stored_bytes(self) -> bytes:
        """Every byte promptops keeps on disk: recordings, cache and store (WAL files included)."""
        kept = [*self.root.joinpath(".promptops").glob("*"), *self.root.joinpath("suites", "recordings").glob("*")]
        return b"".join(p.read_bytes() for p in kept if p.is_file())


def new_workspace(root: Path) -> Workspace:
    """A project whose prompt `greet` runs on `echo`, with the suite GREET_SUITE and the fake model module."""
    space = Workspace(root)
    space.configure()
    space.write("prompts/greet.yaml", prompt_yaml())
    space.write("suites/greet.yaml", GREET_SUITE)
    space.write(f"{space.module}.py", FAKE_MODEL)
    return space
