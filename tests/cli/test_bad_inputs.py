"""Bad input never gives a traceback: one precise `path:line: message` (or one-line error) and exit status 2."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import SUITE, Cli, run_entry_point
from tests.gitrepo import GitRepo, prompt_yaml

GOOD = prompt_yaml(1)
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
)

# (id, prompt file content, first line `promptops validate` prints)
PROMPT_FILES: list[tuple[str, str | bytes, str]] = [
    ("yaml-syntax", "version: 1\nmessages: [\n", "p.yaml:3: YAML syntax error: expected the node content"),
    (
        "tab-indent",
        "version: 1\nmessages:\n\t- role: user\n",
        "p.yaml:3: tab character in indentation, YAML needs spaces",
    ),
    ("duplicate-key", GOOD + "version: 2\n", "p.yaml:11: duplicate key 'version' (first defined on line 1)"),
    (
        "unknown-key",
        GOOD.replace("description:", "descripton:"),
        "p.yaml:2: unknown key 'descripton' (did you mean 'description'?)",
    ),
    ("messages-not-list", "version: 1\nmessages: hello\n", "p.yaml:2: messages: Input should be a valid list"),
    ("version-text", GOOD.replace("version: 1", "version: three"), "p.yaml:1: version: version must be a whole number"),
    (
        "version-zero",
        GOOD.replace("version: 1", "version: 0"),
        "p.yaml:1: version: Input should be greater than or equal",
    ),
    ("missing-messages", "version: 1\ndescription: no messages\n", "p.yaml:1: missing required key 'messages'"),
    ("bad-role", GOOD.replace("role: user", "role: robot"), "p.yaml:9: messages[1].role: Input should be 'system'"),
    ("template-syntax", prompt_yaml(1, question="{{ question "), "p.yaml:10: template syntax error:"),
    (
        "undeclared-variable",
        prompt_yaml(1, question="{{ questoin }}"),
        "p.yaml:10: template uses undeclared variable 'questoin' (did you mean 'question'?)",
    ),
    ("non-utf8", b"version: 1\nname: caf\xe9\n", "p.yaml:2: not valid UTF-8 (byte 0xe9), expected UTF-8 text"),
    ("binary", b"version: 1\n\x00\x01\x02", "p.yaml:2: binary file (contains NUL bytes), expected UTF-8 text"),
    ("empty", "", "p.yaml:1: file is empty, expected a YAML mapping"),
    ("alias-bomb", ALIAS_BOMB, "(alias bomb?)"),
    ("top-level-list", "- version\n- 1\n", "p.yaml:1: top level is a list, expected a mapping of keys"),
    (
        "bad-variable-type",
        GOOD.replace("type: string", "type: str"),
        "p.yaml:5: variables.question.type: Input should be",
    ),
    ("bad-name", "name: a@b\n" + GOOD, "p.yaml:1: name: name may hold letters"),
    ("two-documents", GOOD + "---\nversion: 2\n", "p.yaml:12: file holds several YAML documents, expected one"),
    (
        "bad-json-schema",
        GOOD + "output: {format: json, schema: {type: nope}}\n",
        "p.yaml:11: output: invalid JSON schema",
    ),
    (
        "bad-base-url-param",
        GOOD.replace("name: echo}", "name: echo, params: {base_url: 'ftp://127.0.0.1/v1'}}"),
        "p.yaml:3: model.params: base_url: 'ftp://127.0.0.1/v1' has scheme 'ftp' (expected http://HOST[:PORT][/PATH]",
    ),
]


@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in PROMPT_FILES], ids=[c[0] for c in PROMPT_FILES])
def test_bad_prompt_file(git_repo: GitRepo, cli: Cli, content: str | bytes, expected: str) -> None:
    git_repo.write("prompts/p.yaml", content)
    result = cli("validate", cwd=git_repo.root)
    assert result.code == 2
    first = result.out.splitlines()[0]
    assert first.startswith("prompts/") and expected in first, first


# (id, arguments, files to write first, the one line on stderr starts with this)
ARGUMENTS: list[tuple[str, list[str], dict[str, str], str]] = [
    (
        "unknown-var",
        ["render", "support", "--var", "qestion=x"],
        {},
        "error: --var: unknown variable 'qestion' for prompt 'support' (did you mean 'question'?)",
    ),
    (
        "missing-var",
        ["render", "support@1"],
        {},
        "error: --var: missing required variable 'question' for prompt 'support'",
    ),
    ("var-without-equals", ["render", "support", "--var", "oops"], {}, "error: --var 'oops' must look like KEY=VALUE"),
    (
        "vars-file-wrong-type",
        ["render", "support", "--vars", "vars.yaml"],
        {"vars.yaml": "question: 3\n"},
        "error: vars.yaml: variable 'question' must be string, got int 3",
    ),
    (
        "vars-bad-json",
        ["render", "support", "--vars", "v.json"],
        {"v.json": '{"question": }'},
        "error: v.json:1: JSON syntax error: Expecting value",
    ),
    (
        "vars-json-list",
        ["render", "support", "--vars", "v.json"],
        {"v.json": "[1]"},
        "error: v.json:1: top level is a list, expected an object of variables",
    ),
    (
        "vars-bad-yaml",
        ["render", "support", "--vars", "v.yaml"],
        {"v.yaml": "question: [\n"},
        "error: v.yaml:2: YAML syntax error",
    ),
    (
        "vars-extension",
        ["render", "support", "--vars", "v.txt"],
        {"v.txt": "question: x"},
        "error: v.txt: --vars file must end in .yaml, .yml or .json, got '.txt'",
    ),
    (
        "unknown-prompt",
        ["show", "suport"],
        {},
        "error: no prompt named 'suport' (did you mean 'support'?); known prompts: support",
    ),
    (
        "unknown-version",
        ["show", "support@7"],
        {},
        "error: prompt 'support' never had version 7 in git history (committed versions: 1, 2, 3)",
    ),
    ("bad-rev", ["show", "support@nope"], {}, "error: unknown git revision 'nope' (not a branch, tag or commit here)"),
    ("empty-rev", ["log", "support@"], {}, "error: no prompt named 'support@'"),
    ("nothing-after-at", ["show", "support@"], {}, "error: 'support@' has nothing after '@'"),
    ("no-name", ["render", "@3"], {}, "error: '@3' has no prompt name"),
    ("unknown-option", ["log", "support", "--bogus"], {}, "Error: No such option '--bogus'."),
    (
        "bad-format",
        ["list", "--format", "xml"],
        {},
        "Error: Invalid value for '--format': 'xml' is not one of 'table', 'json'.",
    ),
    ("unknown-command", ["frobnicate"], {}, "Error: No such command 'frobnicate'."),
    ("missing-argument", ["show"], {}, "Error: Missing argument 'NAME[@REF]'."),
    (
        "validate-missing-path",
        ["validate", "nowhere.yaml"],
        {},
        "Error: Invalid value for '[PATHS]...': Path 'nowhere.yaml' does not exist.",
    ),
]


@pytest.mark.parametrize(("args", "files", "expected"), [c[1:] for c in ARGUMENTS], ids=[c[0] for c in ARGUMENTS])
def test_bad_argument(sample: GitRepo, cli: Cli, args: list[str], files: dict[str, str], expected: str) -> None:
    for rel, text in files.items():
        sample.write(rel, text)
    result = cli(*args, cwd=sample.root)
    assert result.code == 2
    if expected.startswith("Error: "):  # click's usage errors follow a usage line
        assert expected in result.err.splitlines()
    else:
        assert result.err.startswith(expected) and result.err.count("\n") == 1, result.err


def test_not_a_git_repository(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "support.yaml").write_text(GOOD, encoding="utf-8")
    result = run_entry_point("log", "support", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"error: {tmp_path} is not inside a git repository; versions need git" + (
        " (a name without '@' reads the working tree)\n"
    )
    assert run_entry_point("show", "support", cwd=tmp_path).code == 0


def test_repository_without_commits(git_repo: GitRepo) -> None:
    git_repo.write("prompts/support.yaml", GOOD)
    result = run_entry_point("show", "support@HEAD", cwd=git_repo.root)
    assert result.code == 2
    assert result.err == f"error: the repository at {git_repo.root} has no commits yet; commit your prompts first\n"


def test_shallow_clone(sample: GitRepo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{sample.root}", str(clone)], check=True)
    result = run_entry_point("log", "support", cwd=clone)
    assert result.code == 2
    assert result.err == (
        "error: this is a shallow clone, so prompt history is incomplete; run 'git fetch --unshallow'"
        " (in GitHub Actions: actions/checkout with 'fetch-depth: 0')\n"
    )


def test_broken_prompt_through_the_entry_point(git_repo: GitRepo) -> None:
    path = git_repo.write("prompts/support.yaml", GOOD.replace("description:", "descripton:"))
    result = run_entry_point("render", "support", "--var", "question=x", cwd=git_repo.root)
    assert result.code == 2
    # relative to the current directory, as `validate` shows it; absolute from outside the project
    assert result.err == "error: prompts/support.yaml:2: unknown key 'descripton' (did you mean 'description'?)\n"
    elsewhere = run_entry_point("render", "support", "--var", "question=x", cwd=git_repo.root / "prompts")
    assert elsewhere.err == "error: support.yaml:2: unknown key 'descripton' (did you mean 'description'?)\n"
    outside = git_repo.root.parent / "outside"
    outside.mkdir()
    (outside / "pyproject.toml").write_text(f'[tool.promptops]\nprompts_dir = "{git_repo.root / "prompts"}"\n')
    beside = run_entry_point("render", "support", "--var", "question=x", cwd=outside)
    assert beside.err == f"error: {path}:2: unknown key 'descripton' (did you mean 'description'?)\n"


# (id, base_url in [tool.promptops], what is wrong with it)
BASE_URLS = [
    ("unclosed-ipv6", "http://[::1", "'http://[::1' is not a valid URL: Invalid IPv6 URL (expected http://HOST[:PORT]"),
    ("no-scheme", "127.0.0.1:8080/v1", "'127.0.0.1:8080/v1' has no scheme (expected http://HOST[:PORT][/PATH]"),
    ("ftp", "ftp://127.0.0.1/v1", "'ftp://127.0.0.1/v1' has scheme 'ftp' (expected http://HOST[:PORT][/PATH]"),
    ("no-host", "http:///v1", "'http:///v1' has no host"),
    ("bad-port", "http://127.0.0.1:80800/v1", "'http://127.0.0.1:80800/v1' is not a valid URL: Port out of range"),
    ("empty", "", "must not be empty (leave it out to use the provider's default server)"),
]


@pytest.mark.parametrize(("url", "problem"), [c[1:] for c in BASE_URLS], ids=[c[0] for c in BASE_URLS])
@pytest.mark.parametrize("command", [["validate"], ["run", "--no-cache", "--record", "off"]])
def test_a_bad_base_url_is_bad_input_at_its_line(
    sample: GitRepo, cli: Cli, command: list[str], url: str, problem: str
) -> None:
    sample.write("pyproject.toml", f'[tool.promptops]\nprovider = "openai"\nbase_url = "{url}"\n')
    result = cli(*command, cwd=sample.root)
    assert result.code == 2
    assert result.err.startswith(f"error: pyproject.toml:3: [tool.promptops] base_url: {problem}")
    assert len(result.err.splitlines()) == 1 and result.out == ""


def test_every_problem_of_a_broken_prompt_reaches_the_run_error(git_repo: GitRepo) -> None:
    broken = GOOD.replace("description:", "descripton:").replace("version:", "verson:")
    git_repo.write("prompts/support.yaml", broken)
    git_repo.write("suites/support.yaml", SUITE)
    result = run_entry_point("run", "support", cwd=git_repo.root)
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 3 and all(line.startswith("error: prompts/support.yaml:") for line in lines)
    assert "unknown key 'descripton'" in result.err and "unknown key 'verson'" in result.err
