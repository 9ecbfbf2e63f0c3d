"""History from real git repositories: versions, renames, refs, changed files and awkward repository states."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from promptops.config import Project, load_project
from promptops.errors import GitError, InputError, ReferenceNotFound
from promptops.githistory import (
    Change,
    changed_paths,
    current_commit,
    is_shallow,
    prompt_history,
    read_file_at,
    resolve_ref,
)
from tests.gitrepo import AUTHOR, GitRepo, init_repo, prompt_yaml


def project(repo: GitRepo) -> Project:
    return load_project(repo.root)


@pytest.fixture
def three(git_repo: GitRepo) -> list[str]:
    """support at versions 1, 2, 3, one commit each; returns the shas oldest first."""
    return [git_repo.commit_prompt(v) for v in (1, 2, 3)]


def test_history_lists_every_commit_newest_first(git_repo: GitRepo, three: list[str]) -> None:
    versions = prompt_history(project(git_repo), "support")
    assert [v.version for v in versions] == [3, 2, 1]
    assert [v.commit for v in versions] == three[::-1]
    newest = versions[0]
    assert (newest.path, newest.author, newest.message, newest.dirty) == (
        "prompts/support.yaml",
        AUTHOR,
        "support v3",
        False,
    )
    assert versions[0].date > versions[1].date


def test_commits_that_do_not_touch_the_prompt_are_left_out(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.write("README.md", "hello\n")
    git_repo.commit("docs only")
    assert [v.commit for v in prompt_history(project(git_repo), "support")] == three[::-1]


def test_uncommitted_change_comes_first_as_dirty_working_copy(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.write("prompts/support.yaml", prompt_yaml(4))
    first, second = prompt_history(project(git_repo), "support")[:2]
    assert (first.version, first.commit, first.dirty) == (4, None, True)
    assert (second.version, second.commit, second.dirty) == (3, three[-1], False)


def test_prompt_not_yet_committed_has_only_a_working_copy(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.write("prompts/fresh.yaml", prompt_yaml(1))
    versions = prompt_history(project(git_repo), "fresh")
    assert [(v.version, v.dirty) for v in versions] == [(1, True)]


def test_history_follows_renames_and_refs_read_the_old_path(git_repo: GitRepo) -> None:
    v1 = git_repo.commit_prompt(1, path="prompts/old.yaml", name="support")
    git_repo.git("mv", "prompts/old.yaml", "prompts/support.yaml")
    moved = git_repo.commit("rename")
    git_repo.commit_prompt(2, name="support")
    versions = prompt_history(project(git_repo), "support")
    assert [(v.version, v.path) for v in versions] == [
        (2, "prompts/support.yaml"),
        (1, "prompts/support.yaml"),
        (1, "prompts/old.yaml"),
    ]
    assert versions[1].commit == moved
    at_v1 = resolve_ref(project(git_repo), "support@1")
    assert (at_v1.commit, at_v1.path.as_posix()) == (moved, "prompts/support.yaml")
    by_sha = resolve_ref(project(git_repo), f"support@{v1}")
    assert (by_sha.version, by_sha.path.as_posix()) == (1, "prompts/old.yaml")


def test_version_ref_picks_the_newest_commit_with_that_version(git_repo: GitRepo) -> None:
    git_repo.commit_prompt(1)
    git_repo.write("prompts/support.yaml", prompt_yaml(1, question="Q: {{ question }}"))
    newest_v1 = git_repo.commit("tweak without bump")
    git_repo.commit_prompt(2)
    prompt = resolve_ref(project(git_repo), "support@1")
    assert (prompt.version, prompt.commit) == (1, newest_v1)
    assert prompt.render(question="x")[1]["content"] == "Q: x"


@pytest.mark.parametrize("rev", ["main", "HEAD~1", "v1.2", "annotated", "short", "full"])
def test_git_revisions_resolve_to_full_shas(git_repo: GitRepo, three: list[str], rev: str) -> None:
    git_repo.git("tag", "v1.2", three[1])
    git_repo.git("tag", "-a", "annotated", "-m", "release", three[1])
    expected = {"main": three[2]}.get(rev, three[1])
    ref = {"short": three[1][:7], "full": three[1]}.get(rev, rev)
    prompt = resolve_ref(project(git_repo), f"support@{ref}")
    assert prompt.commit == expected
    assert prompt.version == (3 if rev == "main" else 2)


def test_name_alone_is_the_working_tree_without_a_commit(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.write("prompts/support.yaml", prompt_yaml(9))
    prompt = resolve_ref(project(git_repo), "support")
    assert (prompt.version, prompt.commit) == (9, None)


def test_digit_only_short_sha_works_when_no_such_version(git_repo: GitRepo) -> None:
    git_repo.commit_prompt(1)
    sha = ""
    for attempt in range(400):
        sha = git_repo.commit(f"try {attempt}")
        if sha[:6].isdigit():
            break
    else:
        pytest.skip("no commit with a digit-only sha prefix")
    assert resolve_ref(project(git_repo), f"support@{sha[:6]}").commit == sha


def test_unknown_name_suggests_the_closest(git_repo: GitRepo, three: list[str]) -> None:
    with pytest.raises(ReferenceNotFound, match=r"no prompt named 'suport' \(did you mean 'support'\?\)"):
        resolve_ref(project(git_repo), "suport@1")


def test_unknown_version_lists_the_versions_that_exist(git_repo: GitRepo, three: list[str]) -> None:
    with pytest.raises(ReferenceNotFound, match=r"never had version 7 in git history \(committed versions: 1, 2, 3\)$"):
        resolve_ref(project(git_repo), "support@7")


def test_uncommitted_version_says_to_use_the_bare_name(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.write("prompts/support.yaml", prompt_yaml(4))
    with pytest.raises(ReferenceNotFound, match=r"version 4 is uncommitted, use 'support'"):
        resolve_ref(project(git_repo), "support@4")


def test_unknown_revision_is_reference_not_found(git_repo: GitRepo, three: list[str]) -> None:
    with pytest.raises(ReferenceNotFound, match=r"^unknown git revision 'nope' \(not a branch, tag or commit here\)$"):
        resolve_ref(project(git_repo), "support@nope")


def test_option_like_revision_is_refused(git_repo: GitRepo, three: list[str]) -> None:
    with pytest.raises(ReferenceNotFound, match="'--all' is not a git revision"):
        resolve_ref(project(git_repo), "support@--all")


def test_prompt_absent_at_revision(git_repo: GitRepo) -> None:
    git_repo.write("README.md", "x\n")
    git_repo.commit("before the prompt")
    git_repo.commit_prompt(1)
    with pytest.raises(
        ReferenceNotFound, match=r"prompt 'support' \(prompts/support.yaml\) does not exist at HEAD~1 \("
    ):
        resolve_ref(project(git_repo), "support@HEAD~1")


def test_broken_file_in_history_has_no_version_and_errors_name_the_commit(git_repo: GitRepo) -> None:
    git_repo.commit_prompt(1)
    git_repo.write("prompts/support.yaml", "version: 2\nmessages: [\n")
    broken = git_repo.commit("broken")
    git_repo.commit_prompt(3)
    assert [v.version for v in prompt_history(project(git_repo), "support")] == [3, None, 1]
    with pytest.raises(InputError) as info:
        resolve_ref(project(git_repo), "support@HEAD~1")
    assert str(info.value).startswith(f"prompts/support.yaml@{broken[:7]}:3: YAML syntax error")


def test_not_a_repository(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "support.yaml").write_text(prompt_yaml(1), encoding="utf-8")
    plain = load_project(tmp_path)
    assert resolve_ref(plain, "support").version == 1
    assert current_commit(plain) is None
    for call in (lambda: prompt_history(plain, "support"), lambda: resolve_ref(plain, "support@1")):
        with pytest.raises(GitError, match="is not inside a git repository"):
            call()


def test_repository_without_commits(git_repo: GitRepo) -> None:
    git_repo.write("prompts/support.yaml", prompt_yaml(1))
    assert resolve_ref(project(git_repo), "support").version == 1
    assert current_commit(project(git_repo)) is None
    with pytest.raises(GitError, match="has no commits yet; commit your prompts first"):
        prompt_history(project(git_repo), "support")
    with pytest.raises(GitError, match="has no commits yet"):
        resolve_ref(project(git_repo), "support@HEAD")


def test_shallow_clone_names_the_fix(git_repo: GitRepo, three: list[str], tmp_path: Path) -> None:
    clone = GitRepo(tmp_path / "clone")
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{git_repo.root}", str(clone.root)],
        check=True,
        capture_output=True,
    )
    shallow = load_project(clone.root)
    assert is_shallow(shallow) and not is_shallow(project(git_repo))
    with pytest.raises(GitError, match=r"shallow clone.*git fetch --unshallow.*fetch-depth: 0"):
        prompt_history(shallow, "support")
    with pytest.raises(GitError, match="git fetch --unshallow"):
        resolve_ref(shallow, "support@2")
    with pytest.raises(ReferenceNotFound, match="shallow clone, run 'git fetch --unshallow'"):
        resolve_ref(shallow, "support@HEAD~1")
    assert resolve_ref(shallow, "support@HEAD").version == 3


def test_detached_head_just_works(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.git("checkout", "-q", "--detach", three[1])
    assert [v.version for v in prompt_history(project(git_repo), "support")] == [2, 1]
    assert resolve_ref(project(git_repo), "support@1").commit == three[0]
    assert current_commit(project(git_repo)) == three[1]


def test_merge_in_progress_still_reads_history(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.git("checkout", "-q", "-b", "feature", three[1])
    git_repo.write("prompts/support.yaml", prompt_yaml(5))
    git_repo.commit("feature v5")
    git_repo.git("checkout", "-q", "main")
    assert "CONFLICT" in git_repo.git("merge", "feature", check=False)
    versions = prompt_history(project(git_repo), "support")
    assert (versions[0].dirty, versions[0].version) == (True, None)
    assert [v.version for v in versions[1:]] == [3, 2, 1]
    assert resolve_ref(project(git_repo), "support@feature").version == 5


def test_merged_branch_commits_are_in_history(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.git("checkout", "-q", "-b", "feature")
    feature = git_repo.commit_prompt(4)
    git_repo.git("checkout", "-q", "main")
    git_repo.write("README.md", "x\n")
    git_repo.commit("main moves on")
    git_repo.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature")
    versions = prompt_history(project(git_repo), "support")
    assert [v.version for v in versions] == [4, 3, 2, 1]
    assert versions[0].commit == feature


def test_read_file_at(git_repo: GitRepo, three: list[str]) -> None:
    text = read_file_at(project(git_repo), three[0], "prompts/support.yaml")
    assert text == prompt_yaml(1)
    assert read_file_at(project(git_repo), three[0], "prompts/missing.yaml") is None
    with pytest.raises(ReferenceNotFound, match="unknown git revision 'nope'"):
        read_file_at(project(git_repo), "nope", "prompts/support.yaml")


def test_changed_paths_between_commits(git_repo: GitRepo) -> None:
    git_repo.write("prompts/a.yaml", prompt_yaml(1))
    git_repo.write("prompts/b.yaml", prompt_yaml(1, question="b {{ question }}"))
    git_repo.write("prompts/gone.yaml", "something else entirely\n")
    base = git_repo.commit("base")
    git_repo.write("prompts/a.yaml", prompt_yaml(2))
    git_repo.git("mv", "prompts/b.yaml", "prompts/c.yaml")
    git_repo.git("rm", "-q", "prompts/gone.yaml")
    git_repo.write("prompts/new.yaml", "unrelated\nnew\ncontent\n")
    head = git_repo.commit("head")
    changes = sorted(changed_paths(project(git_repo), base, head), key=lambda c: c.status)
    assert changes == [
        Change(status="added", old_path=None, new_path="prompts/new.yaml"),
        Change(status="deleted", old_path="prompts/gone.yaml", new_path=None),
        Change(status="modified", old_path="prompts/a.yaml", new_path="prompts/a.yaml"),
        Change(status="renamed", old_path="prompts/b.yaml", new_path="prompts/c.yaml"),
    ]


def test_changed_paths_to_working_tree_include_untracked(git_repo: GitRepo, three: list[str]) -> None:
    git_repo.write("prompts/support.yaml", prompt_yaml(4))
    git_repo.write("prompts/extra.yaml", prompt_yaml(1))
    changes = changed_paths(project(git_repo), "HEAD")
    assert Change(status="modified", old_path="prompts/support.yaml", new_path="prompts/support.yaml") in changes
    assert Change(status="added", old_path=None, new_path="prompts/extra.yaml") in changes
    assert changed_paths(project(git_repo), "HEAD", "HEAD") == []


def test_project_in_a_subdirectory_of_the_repository(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "mono")
    repo.commit_prompt(1, path="service/prompts/support.yaml")
    repo.write("service/pyproject.toml", "[tool.promptops]\n")
    repo.commit_prompt(2, path="service/prompts/support.yaml")
    versions = prompt_history(load_project(repo.root / "service"), "support")
    assert [(v.version, v.path) for v in versions] == [
        (2, "service/prompts/support.yaml"),
        (1, "service/prompts/support.yaml"),
    ]
