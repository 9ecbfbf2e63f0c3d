"""`promptops advise`: what a user sees in each format, the plot and export files, and the exit codes."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from tests.advise_histories import PROMPT, SCENARIOS, Scenario, Version, build_history
from tests.cli.helpers import Cli
from tests.gitrepo import GitRepo

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def plateau(tmp_path: Path) -> GitRepo:
    """A format-failure plateau; two failing cases have no `expected`."""
    base = SCENARIOS["format-failure plateau"]
    scenario = Scenario(base.versions, base.expected, json_mode=True, without_expected=frozenset({18, 19}))
    return build_history(tmp_path / "repo", scenario)


def test_terminal_report_runs_missing_versions(plateau: GitRepo, cli: Cli) -> None:
    result = cli("advise", PROMPT, "--run", cwd=plateau.root)
    assert result.code == 0
    first = result.out.splitlines()[0]
    assert first.startswith(f"{PROMPT}: plateaued — consider fine-tuning  ")
    assert re.search(r"[▁▂▃▄▅▆▇█]{4}$", first)
    assert "format failures (→ fine-tuning)" in result.out
    assert "not exported): c18, c19" in result.out


def test_json_report_from_stored_runs(plateau: GitRepo, cli: Cli) -> None:
    assert json.loads(cli("advise", PROMPT, "--format", "json", cwd=plateau.root).out)["verdict"]["name"] == (
        "insufficient history"
    )
    cli("advise", PROMPT, "--run", cwd=plateau.root)
    data = json.loads(cli("advise", PROMPT, "--format", "json", "--target", "0.5", cwd=plateau.root).out)
    assert data["verdict"]["name"] == "target met"
    assert data["target"] == 0.5
    assert [v["version"] for v in data["versions"]] == [1, 2, 3, 4]
    assert data["versions"][-1]["pass_rate"] == pytest.approx(0.6)
    assert data["failing_cases"] == [f"c{i}" for i in range(12, 20)]
    assert data["without_expected"] == ["c18", "c19"]
    assert len(data["sparkline"]) == 4
    assert "latest_failures" not in data


def test_markdown_to_a_file_still_shows_the_terminal_report(plateau: GitRepo, cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "advice.md"
    result = cli("advise", PROMPT, "--run", "--format", "markdown", "--output", str(report), cwd=plateau.root)
    assert result.code == 0
    text = report.read_text(encoding="utf-8")
    assert text.startswith(f"## promptops advise: {PROMPT}\n\n**plateaued — consider fine-tuning**")
    assert "| version | pass | 95% CI |" in text
    assert "- **format failures** (→ fine-tuning): 100% of failing samples" in text
    assert "plateaued" in result.out


def test_html_report_embeds_the_plot_and_needs_no_network(plateau: GitRepo, cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "advice.html"
    assert cli("advise", PROMPT, "--run", "--format", "html", "--output", str(report), cwd=plateau.root).code == 0
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    encoded = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", page)
    assert encoded is not None
    assert base64.b64decode(encoded.group(1)).startswith(PNG_SIGNATURE)
    assert not re.search(r"(src|href)=['\"]https?:", page)
    assert "plateaued — consider fine-tuning" in page


def test_plot_and_export_files(plateau: GitRepo, cli: Cli, tmp_path: Path) -> None:
    plot, seed = tmp_path / "history.png", tmp_path / "seed" / "failures.jsonl"
    result = cli(
        "advise", PROMPT, "--run", "--plot", str(plot), "--export-failures", str(seed), "--format", "json",
        cwd=plateau.root,
    )  # fmt: skip
    assert result.code == 0
    data = plot.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5_000
    examples = [json.loads(line) for line in seed.read_text(encoding="utf-8").splitlines()]
    assert [e["messages"][1]["content"] for e in examples] == [f"Question about c{i}" for i in range(12, 18)]
    assert json.loads(examples[0]["messages"][2]["content"]) == {"answer": "The answer is FACT-c12."}
    assert "exported 6 failing case(s)" in result.err
    assert "not exported, no `expected`: c18, c19" in result.err


@pytest.mark.parametrize(
    ("suffix", "signature"), [(".svg", b"<?xml"), (".pdf", b"%PDF"), (".JPG", b"\xff\xd8\xff"), (".png", PNG_SIGNATURE)]
)
def test_plot_is_written_in_the_format_its_suffix_names(
    plateau: GitRepo, cli: Cli, tmp_path: Path, suffix: str, signature: bytes
) -> None:
    plot = tmp_path / f"history{suffix}"
    assert cli("advise", PROMPT, "--plot", str(plot), "--format", "json", cwd=plateau.root).code == 0
    assert plot.read_bytes().startswith(signature)


@pytest.mark.parametrize("name", ["history.gif", "history"])
def test_plot_in_a_format_it_cannot_write_is_refused_before_running(
    plateau: GitRepo, cli: Cli, tmp_path: Path, name: str
) -> None:
    result = cli("advise", PROMPT, "--run", "--plot", str(tmp_path / name), cwd=plateau.root)
    assert result.code == 2
    [line] = result.err.strip().splitlines()
    assert line.endswith(
        f"{name}: cannot write the plot as "
        + ("a '.gif' file" if "." in name else "a file without a suffix")
        + "; name a .png, .svg, .pdf or .jpg file"
    )
    assert not (plateau.root / ".promptops").exists()


@pytest.mark.parametrize("option", ["--output", "--export-failures", "--plot"])
def test_a_file_where_a_directory_must_be_is_named(plateau: GitRepo, cli: Cli, option: str) -> None:
    (plateau.root / "seed.jsonl").write_text("{}\n", encoding="utf-8")
    target = "seed.jsonl/x.png" if option == "--plot" else "seed.jsonl/x.md"
    result = cli("advise", PROMPT, option, target, cwd=plateau.root)
    assert result.code == 2
    assert (
        result.err.strip().splitlines()[-1] == f"error: {target}: cannot write the file: seed.jsonl is not a directory"
    )


def test_exit_zero_even_when_regressing(tmp_path: Path, cli: Cli) -> None:
    repo = build_history(tmp_path / "repo", SCENARIOS["one regression"])
    result = cli("advise", PROMPT, "--run", "--format", "markdown", cwd=repo.root)
    assert (result.code, result.out.splitlines()[2].startswith("**regressing**")) == (0, True)


def test_a_working_copy_counts_as_the_newest_version(tmp_path: Path, cli: Cli) -> None:
    from tests.advise_histories import prompt_yaml

    repo = build_history(tmp_path / "repo", SCENARIOS["too few versions"])
    repo.write(f"prompts/{PROMPT}.yaml", prompt_yaml(3, Version(range(19)), json_mode=False))
    data = json.loads(cli("advise", PROMPT, "--run", "--format", "json", cwd=repo.root).out)
    assert [(v["version"], v["commit"] is None) for v in data["versions"]] == [(1, False), (2, False), (3, True)]
    assert data["verdict"]["name"] == "target met"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "no prompt named 'nope'"),
        ([PROMPT, "--suite", "nope"], "no suite file or suite named 'nope'"),
        ([PROMPT, "--last", "0"], "Invalid value for '--last'"),
        ([PROMPT, "--target", "1.5"], "Invalid value for '--target'"),
        ([PROMPT, "--format", "pdf"], "Invalid value for '--format'"),
    ],
)
def test_bad_input_exits_2(plateau: GitRepo, cli: Cli, args: list[str], message: str) -> None:
    result = cli("advise", *args, cwd=plateau.root)
    assert result.code == 2
    assert message in result.err
