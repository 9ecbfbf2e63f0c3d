"""Throwaway git repositories for tests: a scrubbed environment, a fixed author, helpers to commit files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

AUTHOR = "Ada Lovelace"
EMAIL = "ada@example.com"


def prompt_yaml(version: int, *, name: str | None = None, question: str = "{{ question }}", extra: str = "") -> str:
    """A valid prompt file with one required string variable `question`."""
    lines = [f"name: {name}"] if name else []
    lines += [
        f"version: {version}",
        "description: Answers a question.",
        "model: {provider: echo, name: echo}",
        "variables:",
        "  question: {type: string, required: true}",
        "messages:",
        "  - role: system",
        f"    content: You are helpful (v{version}).",
        "  - role: user",
        f'    content: "{question}"',
    ]
    return "\n".join(lines) + "\n" + extra


class GitRepo:
    """A real git repository in a temp dir, with deterministic commit dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._clock = 1_700_000_000

    def git(self, *args: str, check: bool = True) -> str:
        env = {**os.environ, "GIT_AUTHOR_DATE": f"@{self._clock} +0000", "GIT_COMMITTER_DATE": f"@{self._clock} +0000"}
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
        return done.stdout.strip()

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def commit(self, message: str) -> str:
        """Stage everything, commit one minute after the previous commit, and return the full sha."""
        self._clock += 60
        self.git("add", "-A")
        self.git("commit", "--allow-empty", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")

    def commit_prompt(self, version: int, *, path: str = "prompts/support.yaml", name: str | None = None) -> str:
        self.write(path, prompt_yaml(version, name=name))
        return self.commit(f"support v{version}\n\nbody text")


def init_repo(root: Path) -> GitRepo:
    root.mkdir(parents=True, exist_ok=True)
    repo = GitRepo(root)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", AUTHOR)
    repo.git("config", "user.email", EMAIL)
    repo.git("config", "commit.gpgsign", "false")
    return repo
