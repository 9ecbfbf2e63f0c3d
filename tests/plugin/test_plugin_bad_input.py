"""Bad input to the pytest plugin: one line and a failing status before anything runs, never zero tests in silence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.engine.helpers import prompt_yaml, suite_yaml

if TYPE_CHECKING:  # the fixtures come from tests/plugin/conftest.py
    from tests.gitrepo import GitRepo


def assert_usage_error(result: pytest.RunResult, expected: str) -> None:
    """pytest stopped with a usage error whose one line is `expected`, before collecting or running anything."""
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    errors = [line for line in result.stderr.lines if line.startswith("ERROR: ")]
    assert errors == [f"ERROR: {expected}"]
    assert "collected" not in result.stdout.str() and "passed" not in result.stdout.str()
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


@pytest.mark.parametrize(
    ("setting", "problem"),
    [
        ('concurrency = "eight"', "concurrency: Input should be a valid integer, unable to parse string as an integer"),
        ('provder = "echo"', "unknown key 'provder' (did you mean 'provider'?)"),
        ('record = "sometimes"', "record: Input should be 'none', 'new', 'all' or 'off'"),
        ("target = 2", "target: Input should be less than or equal to 1"),
        (
            'base_url = "http://[::1"',
            "base_url: 'http://[::1' is not a valid URL: Invalid IPv6 URL (expected http://HOST[:PORT][/PATH] or https://…)",
        ),
    ],
)
def test_a_bad_setting_is_a_usage_error_not_an_empty_run(
    pytester: pytest.Pytester, project: GitRepo, setting: str, problem: str
) -> None:
    pyproject = project.write("pyproject.toml", f"[tool.promptops]\n{setting}\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert_usage_error(result, f"{pyproject}:2: [tool.promptops] {problem}")


def test_a_bad_setting_stops_an_xdist_run_too(pytester: pytest.Pytester, project: GitRepo) -> None:
    pyproject = project.write("pyproject.toml", '[tool.promptops]\nconcurrency = "eight"\n')
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: {pyproject}:2: [[]tool.promptops[]] concurrency: *"])
    assert "INTERNALERROR" not in result.stdout.str() and "Traceback" not in result.stderr.str()


def test_a_bad_setting_fails_a_run_of_the_users_own_tests_too(pytester: pytest.Pytester, project: GitRepo) -> None:
    project.write("pyproject.toml", '[tool.promptops]\nrecord = "sometimes"\n')
    pytester.makepyfile(test_plain="def test_plain(promptops_project):\n    assert promptops_project\n")
    result = pytester.runpytest("test_plain.py", "--promptops-no-suites")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: *pyproject.toml:2: [[]tool.promptops[]] record: *"])


@pytest.mark.parametrize("mode", ["warn", "fail"])
def test_an_unknown_drift_revision_is_a_usage_error_before_the_suites_run(
    pytester: pytest.Pytester, project: GitRepo, mode: str
) -> None:
    result = pytester.runpytest("--promptops-drift-against", "nosuchrev", "--promptops-drift-mode", mode)
    assert_usage_error(
        result,
        "--promptops-drift-against nosuchrev: unknown git revision 'nosuchrev' (not a branch, tag or commit here)",
    )


def test_an_unknown_drift_version_is_a_usage_error(pytester: pytest.Pytester, project: GitRepo) -> None:
    result = pytester.runpytest("--promptops-drift-against", "7")
    assert_usage_error(
        result,
        "--promptops-drift-against 7: prompt 'greet' never had version 7 in git history (committed versions: 1, 2)",
    )


def test_name_at_ref_is_refused_with_the_spelling_that_works(pytester: pytest.Pytester, project: GitRepo) -> None:
    result = pytester.runpytest("--promptops-drift-against", "greet@1", "--promptops-drift-mode", "fail")
    assert_usage_error(
        result,
        "--promptops-drift-against greet@1: takes one version or git revision for every tested prompt "
        "(2, main, HEAD~2), not NAME@REF; for greet at 1 use --promptops-drift-against 1",
    )


def test_drift_that_cannot_be_computed_fails_a_fail_mode_run(pytester: pytest.Pytester, project: GitRepo) -> None:
    # the working tree's suite and prompt use `whom`; version 1 knows only `who`, so it cannot run these cases
    project.write("prompts/greet.yaml", prompt_yaml(version=3).replace("who", "whom"))
    project.write("suites/greet.yaml", suite_yaml(("world", "world", "world")).replace("{who:", "{whom:"))
    warned = pytester.runpytest("-p", "no:cacheprovider", "--promptops-drift-against", "1")
    failed = pytester.runpytest(
        "-p", "no:cacheprovider", "--promptops-drift-against", "1", "--promptops-drift-mode", "fail"
    )
    warned.assert_outcomes(passed=1)
    assert warned.ret == pytest.ExitCode.OK
    failed.assert_outcomes(passed=1)
    assert failed.ret == pytest.ExitCode.TESTS_FAILED
    failed.stdout.fnmatch_lines(["drift against 1 not computed: *unknown variable 'whom'*"])


def test_a_prompt_added_since_the_drift_reference_has_nothing_to_compare(
    pytester: pytest.Pytester, project: GitRepo
) -> None:
    project.write("prompts/bye.yaml", prompt_yaml(name="bye", content="bye {{ who }}"))
    project.write("suites/bye.yaml", suite_yaml(("world", "world", "world"), prompt="bye"))
    result = pytester.runpytest("-p", "no:cacheprovider", "--promptops-drift-against", "HEAD", "-k", "not moon")
    result.assert_outcomes(passed=3, deselected=1)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "*= promptops drift =*",
            "bye: nothing to compare at @HEAD: prompt 'bye' (prompts/bye.yaml) does not exist at HEAD (*)",
            "greet × greet vs @HEAD: 0/3 cases drifted",
        ]
    )


def test_a_project_that_never_mentions_promptops_does_not_import_it(pytester: pytest.Pytester) -> None:
    # the plugin is installed in every pytest of this environment: another project must not pay for it
    pytester.makepyprojecttoml('[project]\nname = "other"\n')
    pytester.makefile(".yaml", conf="key: value\n")  # YAML of its own, beside the tests and in a data folder
    (pytester.path / "data").mkdir()
    (pytester.path / "data" / "cases.yaml").write_text("- 1\n", encoding="utf-8")
    pytester.makepyfile(
        test_other="import sys\n\ndef test_other():\n    assert 'promptops.config' not in sys.modules\n"
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


@pytest.mark.slow  # the real embedding model judges the outputs
def test_reviewed_drift_no_longer_fails_a_fail_mode_run(
    pytester: pytest.Pytester, project: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from promptops.cli.main import main

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    project.write("prompts/greet.yaml", prompt_yaml(version=3, content="{{ who }}: refunds take 5 days"))
    project.commit("greet v3")
    project.write("prompts/greet.yaml", prompt_yaml(version=4, content="{{ who }}: refunds take 30 days"))
    gate = ("-p", "no:cacheprovider", "--promptops-drift-against", "HEAD", "--promptops-drift-mode", "fail", "-q")
    gate += ("-k", "not moon")  # moon's own assertion fails: leave it out, so only drift can fail the run
    failed = pytester.runpytest(*gate)
    failed.assert_outcomes(passed=2, deselected=1)
    assert failed.ret == pytest.ExitCode.TESTS_FAILED
    failed.stdout.fnmatch_lines(["greet × greet vs @HEAD: 3/3 cases drifted", "  world: *5*30*"])

    assert main(["drift", "greet@HEAD", "greet", "--accept", "world"]) == 0
    partly = pytester.runpytest(*gate)
    assert partly.ret == pytest.ExitCode.TESTS_FAILED
    partly.stdout.fnmatch_lines(["greet × greet vs @HEAD: 2/3 cases drifted (1 more reviewed as no change)"])

    assert main(["drift", "greet@HEAD", "greet", "--accept", "moon", "--accept", "sun"]) == 0
    reviewed = pytester.runpytest(*gate)
    reviewed.stdout.fnmatch_lines(["greet × greet vs @HEAD: 0/3 cases drifted (3 more reviewed as no change)"])
    assert reviewed.ret == pytest.ExitCode.OK
