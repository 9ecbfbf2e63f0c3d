"""A prompt's `model:` that only fails when used: one line at the prompt's line, exit 2; a bad answer fails its case."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptops.cli.main import main
from promptops.providers import registry as provider_registry
from tests.engine.helpers import Workspace, prompt_yaml, suite_yaml


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["run", "--no-cache", "--record", "off", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        (
            "promptops_no_such_user_module:answer",
            "cannot import module 'promptops_no_such_user_module': No module named 'promptops_no_such_user_module'",
        ),
        ("{module}:nofn", "module '{module}' has no function 'nofn'"),
    ],
)
def test_a_python_target_that_does_not_import_is_one_line_at_the_prompts_name_line(
    space: Workspace, capsys: pytest.CaptureFixture[str], target: str, problem: str
) -> None:
    space.write("prompts/greet.yaml", prompt_yaml(provider="python", model=target.format(module=space.module)))
    code, out, err = run_cli(capsys)
    assert (code, out) == (2, "")
    assert err == f"error: prompts/greet.yaml:3: python provider: {problem.format(module=space.module)}\n"


def test_a_python_target_without_a_colon_is_caught_before_the_run(
    space: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    space.write("prompts/greet.yaml", prompt_yaml(provider="python", model="no_colon_here"))
    code, _, err = run_cli(capsys)
    assert code == 2
    assert err.startswith("error: prompts/greet.yaml:3: python provider: model name 'no_colon_here' must be")


def test_a_function_returning_neither_str_nor_dict_fails_its_case_and_the_run_goes_on(
    space: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    space.write("answers_42.py", "def answer(messages, params):\n    return 42 if 'moon' in str(messages) else 'hi'\n")
    space.write("prompts/greet.yaml", prompt_yaml(provider="python", model="answers_42:answer"))
    space.write("suites/greet.yaml", suite_yaml(("world", "world", "hi"), ("moon", "moon", "hi")))
    world, moon = space.run(record="off", no_cache=True).cases
    assert world.status == "pass"
    assert moon.status == "error"
    assert "answers_42:answer must return a str or a dict with a 'text' string, got int 42" in (
        moon.samples[0].error or ""
    )
    code, out, _ = run_cli(capsys)
    assert code == 1 and "got int 42" in out


def _plugin(root: Path, entry_point: str, dist: str = "myplug") -> Path:
    """An installed distribution `dist` whose only content is a `promptops.providers` entry point."""
    dist_info = root / f"{dist}-0.1.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(f"[promptops.providers]\n{entry_point}\n", encoding="utf-8")
    return root


@pytest.fixture
def plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory on sys.path for fake installed plugins, seen by a fresh provider registry."""
    directory = tmp_path / "site"
    directory.mkdir()
    monkeypatch.syspath_prepend(str(directory))
    monkeypatch.setattr(provider_registry, "_default", None)
    return directory


def test_a_plugin_whose_module_is_missing_names_its_package_at_the_prompts_provider_line(
    space: Workspace, capsys: pytest.CaptureFixture[str], plugins: Path
) -> None:
    _plugin(plugins, "broken = myplug_missing_mod:Prov")
    space.write("prompts/greet.yaml", prompt_yaml(provider="broken"))
    code, out, err = run_cli(capsys)
    assert (code, out) == (2, "")
    assert err == (
        "error: prompts/greet.yaml:3: provider 'broken' (from myplug) needs myplug_missing_mod, which is not "
        "installed; install it with: pip install --force-reinstall myplug\n"
    )


def test_a_plugin_missing_a_dependency_suggests_installing_the_plugin_package(
    space: Workspace, capsys: pytest.CaptureFixture[str], plugins: Path
) -> None:
    _plugin(plugins, "needy = myplug_needy:Prov", dist="myplug-needy")
    (plugins / "myplug_needy.py").write_text("import myplug_sdk_not_installed\n", encoding="utf-8")
    space.write("prompts/greet.yaml", prompt_yaml(provider="needy"))
    code, _, err = run_cli(capsys)
    assert code == 2
    assert err.startswith("error: prompts/greet.yaml:3: provider 'needy' (from myplug-needy) needs myplug_sdk_not")
    assert err.endswith("install it with: pip install myplug-needy\n")


def test_a_plugin_whose_import_crashes_is_one_line_at_the_provider_line(
    space: Workspace, capsys: pytest.CaptureFixture[str], plugins: Path
) -> None:
    _plugin(plugins, "crashy = myplug_crashy:Prov", dist="myplug-crashy")
    (plugins / "myplug_crashy.py").write_text("raise RuntimeError('no config file')\n", encoding="utf-8")
    space.write("prompts/greet.yaml", prompt_yaml(provider="crashy"))
    code, _, err = run_cli(capsys)
    assert code == 2
    assert err == (
        "error: prompts/greet.yaml:3: provider 'crashy' (from myplug-crashy): importing myplug_crashy failed: "
        "RuntimeError: no config file\n"
    )


def test_an_overridden_provider_is_not_blamed_on_the_prompt(
    space: Workspace, capsys: pytest.CaptureFixture[str], plugins: Path
) -> None:
    _plugin(plugins, "broken = myplug_missing_mod:Prov")
    code, _, err = run_cli(capsys, "--provider", "broken")
    assert code == 2
    assert err.startswith("error: provider 'broken' (from myplug) needs myplug_missing_mod")
