"""Entry point of the `promptops` command: lazy command loading and the single error handler."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from promptops.cli.closed_stdout import CLOSED_STDOUT_STATUS, StdoutClosed, raise_stdout_closed, silence_stdout
from promptops.errors import InputError, PromptopsError, leaf_problems
from promptops.report.paths import located

# command name -> (module, one-line help). Modules are imported only when their command runs,
# so `promptops --help` stays fast and never imports torch, git or llama.cpp.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("promptops.cli.init", "Scaffold prompts/, suites/ and configuration in this directory."),
    "list": ("promptops.cli.list_prompts", "List the prompts of the project."),
    "log": ("promptops.cli.log", "Show the version history of a prompt from git."),
    "show": ("promptops.cli.show", "Show one version of a prompt."),
    "render": ("promptops.cli.render", "Render a prompt version with variables."),
    "validate": ("promptops.cli.validate", "Check prompt and suite files (for pre-commit)."),
    "run": ("promptops.cli.run", "Run suites against prompt versions."),
    "drift": ("promptops.cli.drift", "Compare the outputs of two prompt versions for meaning drift."),
    "diff": ("promptops.cli.diff", "Show what changed between two prompt versions."),
    "check": ("promptops.cli.check", "Pre-merge check: run changed prompts on base and head."),
    "advise": ("promptops.cli.advise", "Tell whether prompt edits still pay off or fine-tuning is due."),
    "demo": ("promptops.cli.demo", "Run the example suites, diff and advice on the local model."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands live in their own modules and load on demand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (module, _) in COMMANDS.items() if importlib.util.find_spec(module) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, _ = COMMANDS[cmd_name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command: click.Command = module.command
        return command

    # A closed stdout becomes StdoutClosed before click's own handling turns it into exit status 1.
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        with raise_stdout_closed():  # --help and --version print while the arguments are parsed
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        with raise_stdout_closed():
            return super().invoke(ctx)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items() if name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="promptops", prog_name="promptops")
def cli() -> None:
    """promptops: version LLM prompts in git and regression-test them.

    Exit status: 0 ok, 1 checks failed, 2 bad input, 130 interrupted, 141 stdout closed mid-output.
    """


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every deliberate error becomes one line on stderr and its exit status."""
    try:
        result: Any = cli.main(args=argv, prog_name="promptops", standalone_mode=False)
    except PromptopsError as exc:
        click.echo("\n".join(f"error: {line}" for line in _message(exc).splitlines()), err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2 if exc.exit_code != 0 else 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except StdoutClosed:
        silence_stdout()  # stopped mid-output: the command's own status was never decided
        return CLOSED_STDOUT_STATUS
    code = result if isinstance(result, int) else 0
    return code


def _message(exc: PromptopsError) -> str:
    """The error's text, every problem of it, paths relative to the current directory when inside it (as `validate`
    shows them)."""
    if isinstance(exc, InputError):
        return "\n".join(dict.fromkeys(located(problem) for problem in leaf_problems(exc)))
    return str(exc)


def run() -> None:
    from promptops.exit_speed import skip_exit_collections

    skip_exit_collections()
    code = main()
    try:
        sys.stdout.flush()  # output still buffered for a pipe: a reader gone by now must not turn `code` into 120
    except BrokenPipeError:
        silence_stdout()
    sys.exit(code)


if __name__ == "__main__":
    run()
