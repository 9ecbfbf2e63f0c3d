"""Prompt versions from git history, `name@ref` resolution and changed files: the only module that imports git."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from promptops import workspace
from promptops.config import Project
from promptops.errors import GitError, InputError, ReferenceNotFound, ValidationFailed
from promptops.prompt import Prompt, load_prompt_text
from promptops.yamlio import decode_text, parse_yaml

if TYPE_CHECKING:
    from git import Repo

SHALLOW_FIX = "run 'git fetch --unshallow' (in GitHub Actions: actions/checkout with 'fetch-depth: 0')"
_LOG_FORMAT = "--format=%x1e%H%x1f%an%x1f%aI%x1f%s"
_VERSION_REF = re.compile(r"[0-9]+")
_STATUS: dict[str, Literal["added", "modified", "deleted", "renamed"]] = {
    "A": "added",
    "C": "added",
    "D": "deleted",
    "R": "renamed",
}


class PromptVersion(BaseModel):
    """One version of a prompt: a commit that changed its file, or the uncommitted working copy."""

    model_config = ConfigDict(frozen=True)

    name: str
    version: int | None
    commit: str | None
    path: str
    author: str
    date: datetime
    message: str
    dirty: bool = False


class Change(BaseModel):
    """One file changed between two revisions; paths are repo-relative posix strings."""

    model_config = ConfigDict(frozen=True)

    status: Literal["added", "modified", "deleted", "renamed"]
    old_path: str | None
    new_path: str | None


def prompt_history(project: Project, name: str) -> list[PromptVersion]:
    """Every commit that changed the prompt's file (following renames), newest first, after any dirty working copy."""
    path = workspace.prompt_path(project, name)
    with _open_repo(project) as repo:
        _require_full_history(repo)
        rel = _repo_path(repo, path)
        versions = _committed_versions(repo, name, rel)
        working = _working_version(repo, name, path, rel)
    return [working, *versions] if working is not None else versions


def resolve_ref(project: Project, ref: str) -> Prompt:
    """Load the prompt a `name`, `name@<version>` or `name@<git rev>` reference points to."""
    name, at, rev = ref.partition("@")
    if not name:
        raise ReferenceNotFound(f"'{ref}' has no prompt name (expected name, name@3 or name@<git rev>)")
    if not at:
        return workspace.load_working_prompt(project, name)
    if not rev:
        raise ReferenceNotFound(
            f"'{ref}' has nothing after '@' (expected a version like {name}@3 or a rev like {name}@main)"
        )
    path = workspace.prompt_path(project, name)
    with _open_repo(project) as repo:
        _require_commits(repo)
        if _VERSION_REF.fullmatch(rev):
            return _load_version(repo, name, path, rev)
        return _load_rev(repo, name, _repo_path(repo, path), rev)


def read_file_at(project: Project, rev: str, path: str) -> str | None:
    """The text of repo-relative `path` at `rev`, or None when the file does not exist there."""
    with _open_repo(project) as repo:
        sha = _rev_sha(repo, rev)
        data = _blob(repo, sha, path)
    return None if data is None else decode_text(data, _at(path, sha))


def blobs_at(project: Project, rev: str, folder: str, suffixes: tuple[str, ...]) -> dict[str, bytes]:
    """The bytes of every file under repo-relative `folder` at `rev` whose name ends with one of `suffixes`."""
    with _open_repo(project) as repo:
        sha = _rev_sha(repo, rev)
        listed = _git(repo, "ls-tree", "-r", "-z", "--name-only", "--full-name", sha, "--", folder or ".")
        paths = [p for p in listed.split("\0") if p.endswith(suffixes)]
        return {p: data for p in paths if (data := _blob(repo, sha, p)) is not None}


def changed_paths(project: Project, base: str, head: str | None = None) -> list[Change]:
    """Files changed on `head` since it forked from `base` (with head None: the working tree, untracked files too)."""
    with _open_repo(project) as repo:
        head_sha = _rev_sha(repo, head) if head is not None else None
        fork = _merge_base(repo, _rev_sha(repo, base), head_sha or "HEAD")
        revs = [fork] + ([] if head_sha is None else [head_sha])
        changes = _parse_changes(
            _git(repo, "diff", "--name-status", "-z", "-M", "--no-ext-diff", *revs, "--").split("\0")
        )
        if head is None:
            untracked = _git(repo, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
            changes += [Change(status="added", old_path=None, new_path=p) for p in untracked if p]
    return changes


def commit_of(project: Project, rev: str) -> str:
    """The full sha of the commit `rev` names (a branch, tag, `HEAD~2`, a short sha), or ReferenceNotFound."""
    with _open_repo(project) as repo:
        return _rev_sha(repo, rev)


def _merge_base(repo: Repo, base: str, head: str) -> str:
    """Where `head` forked from `base`, so changes made on base since then are not taken for head's; else base."""
    try:
        return _git(repo, "merge-base", base, head).strip() or base
    except GitError:
        return base  # unrelated histories: compare with base itself


def current_commit(project: Project) -> str | None:
    """The full sha of HEAD, or None outside a git repository or before the first commit."""
    try:
        with _open_repo(project) as repo:
            return repo.head.commit.hexsha if repo.head.is_valid() else None
    except GitError:
        return None


def is_shallow(project: Project) -> bool:
    """Whether the project's repository is a shallow clone (its history is cut off)."""
    with _open_repo(project) as repo:
        return _is_shallow(repo)


@contextmanager
def _open_repo(project: Project) -> Iterator[Repo]:
    """The git repository holding the project, closed (with its cat-file processes) on exit."""
    import git

    try:
        repo = git.Repo(project.root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(
            f"{project.root} is not inside a git repository; versions need git"
            " (a name without '@' reads the working tree)"
        ) from None
    if repo.working_tree_dir is None:
        raise GitError(f"{repo.git_dir} is a bare repository; promptops needs a working tree")
    try:
        yield repo
    finally:
        repo.close()


def _git(repo: Repo, *args: str) -> str:
    """Run one git command in the repository, turning failures into a one-line GitError."""
    import git

    try:
        status, out, err = repo.git.execute(
            ["git", *args], with_extended_output=True, with_exceptions=False, strip_newline_in_stdout=False
        )
    except git.GitCommandNotFound:
        raise GitError("git is not installed or not on PATH") from None
    if status != 0:
        detail = err.strip().splitlines()
        raise GitError(f"git {args[0]} failed: {detail[0] if detail else f'exit status {status}'}")
    return out


def _require_commits(repo: Repo) -> None:
    if not repo.head.is_valid():
        raise GitError(f"the repository at {repo.working_tree_dir} has no commits yet; commit your prompts first")


def _require_full_history(repo: Repo) -> None:
    _require_commits(repo)
    if _is_shallow(repo):
        raise GitError(f"this is a shallow clone, so prompt history is incomplete; {SHALLOW_FIX}")


def _is_shallow(repo: Repo) -> bool:
    return _git(repo, "rev-parse", "--is-shallow-repository").strip() == "true"


def _repo_path(repo: Repo, path: Path) -> str:
    """`path` relative to the repository's working tree, as a posix string."""
    top = Path(str(repo.working_tree_dir)).resolve()
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        raise GitError(f"{path} is outside the git repository at {top}") from None


def _rev_sha(repo: Repo, rev: str) -> str:
    """The full commit sha `rev` names, or ReferenceNotFound."""
    _require_commits(repo)
    if rev.startswith("-"):
        raise ReferenceNotFound(f"'{rev}' is not a git revision")
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
    except GitError:
        hint = f"; this is a shallow clone, {SHALLOW_FIX}" if _is_shallow(repo) else ""
        raise ReferenceNotFound(f"unknown git revision '{rev}' (not a branch, tag or commit here){hint}") from None


def _blob(repo: Repo, sha: str, path: str) -> bytes | None:
    """The bytes of `path` at commit `sha`, or None when no file is there."""
    try:
        _, kind, _, data = repo.git.get_object_data(f"{sha}:{path}")
    except ValueError:
        return None
    # gitpython annotates the type as str but returns bytes.
    return data if kind in (b"blob", "blob") else None


def _committed_versions(repo: Repo, name: str, rel: str) -> list[PromptVersion]:
    """The commits that changed `rel` (following renames), newest first, from one `git log --follow`."""
    out = _git(repo, "log", "--follow", "-M", "--name-status", "-z", _LOG_FORMAT, "HEAD", "--", rel)
    versions: list[PromptVersion] = []
    current = rel
    for record in out.split("\x1e")[1:]:
        header, *tokens = record.split("\0")
        sha, author, date, message = header.split("\x1f", 3)
        changes = _parse_changes(tokens)
        path = (changes[0].new_path or changes[0].old_path or current) if changes else current
        data = _blob(repo, sha, path)
        versions.append(
            PromptVersion(
                name=name,
                version=_version_of(data, path),
                commit=sha,
                path=path,
                author=author,
                date=datetime.fromisoformat(date),
                message=message,
            )
        )
        current = (changes[0].old_path or path) if changes else path
    return versions


def _parse_changes(tokens: list[str]) -> list[Change]:
    """Changes from `--name-status -z` output split on NUL: a status, then one path (two for renames and copies)."""
    changes: list[Change] = []
    items = iter(t.strip("\n") for t in tokens)
    for status in items:
        if not status:
            continue
        kind = _STATUS.get(status[0], "modified")
        first = next(items)
        if status[0] in "RC":
            second = next(items)
            old = first if kind == "renamed" else None
            changes.append(Change(status=kind, old_path=old, new_path=second))
        elif kind == "deleted":
            changes.append(Change(status=kind, old_path=first, new_path=None))
        else:
            changes.append(Change(status=kind, old_path=first if kind == "modified" else None, new_path=first))
    return changes


def _version_of(data: bytes | None, path: str) -> int | None:
    """The `version:` of a prompt file's bytes, or None when it does not parse or has none."""
    if data is None:
        return None
    try:
        value = parse_yaml(decode_text(data, path), path).data.get("version")
    except InputError:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None


def _working_version(repo: Repo, name: str, path: Path, rel: str) -> PromptVersion | None:
    """The working copy as a version when it differs from HEAD, else None."""
    data = path.read_bytes()
    if data == _blob(repo, "HEAD", rel):
        return None
    mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    return PromptVersion(
        name=name,
        version=_version_of(data, rel),
        commit=None,
        path=rel,
        author="",
        date=mtime,
        message="uncommitted changes",
        dirty=True,
    )


def _load_version(repo: Repo, name: str, path: Path, rev: str) -> Prompt:
    """The prompt at the newest commit whose file has `version: rev`; a digit-only short sha as a fallback."""
    _require_full_history(repo)
    rel = _repo_path(repo, path)
    versions = _committed_versions(repo, name, rel)
    match = next((v for v in versions if v.version == int(rev)), None)
    if match is not None and match.commit is not None:
        return _load_rev(repo, name, match.path, match.commit)
    if len(rev) >= 4:
        try:
            return _load_rev(repo, name, rel, rev)
        except ReferenceNotFound:
            pass
    known = ", ".join(str(v) for v in sorted({v.version for v in versions if v.version is not None})) or "none"
    uncommitted = (
        f"; version {int(rev)} is uncommitted, use '{name}'" if _version_of(path.read_bytes(), rel) == int(rev) else ""
    )
    raise ReferenceNotFound(
        f"prompt '{name}' never had version {int(rev)} in git history (committed versions: {known}){uncommitted}"
    )


def _load_rev(repo: Repo, name: str, rel: str, rev: str) -> Prompt:
    """The prompt at git revision `rev`, looking under the file's older names when it was renamed since."""
    sha = _rev_sha(repo, rev)
    path, data = rel, _blob(repo, sha, rel)
    if data is None:
        for older in dict.fromkeys(v.path for v in _committed_versions(repo, name, rel)):
            path, data = older, _blob(repo, sha, older)
            if data is not None:
                break
    if data is None:
        raise ReferenceNotFound(f"prompt '{name}' ({rel}) does not exist at {rev} ({sha[:7]})")
    return _parse_at(data, path, sha)


def _parse_at(data: bytes, path: str, sha: str) -> Prompt:
    """Load a prompt blob; errors name the file as `path@shortsha` so they are not mistaken for the working copy."""
    where = _at(path, sha)
    text = decode_text(data, where)
    try:
        return load_prompt_text(text, path, commit=sha)
    except ValidationFailed as exc:
        raise ValidationFailed([_relocated(p, where) for p in exc.problems]) from None
    except InputError as exc:
        raise _relocated(exc, where) from None


def _relocated(error: InputError, where: str) -> InputError:
    return type(error)(error.message, where, error.line)


def _at(path: str, sha: str) -> str:
    return f"{path}@{sha[:7]}"
