"""The bad-input corpus as data: every entry is a project overlay, a command, and the message it must give.

Each entry runs through the real CLI; it must exit 2, print `expect` (a `path:line: ` prefix plus the start of
the message, or a precise message where no file is involved), show no traceback and change nothing on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.hardening.harness import PROMPT, PYPROJECT, SUITE, Files


@dataclass(frozen=True)
class BadInput:
    """One bad input: where it goes (`files` over a valid project in git state `state`), how to run it, what to say."""

    name: str
    kind: str
    expect: str
    argv: tuple[str, ...] = ("validate",)
    files: Files = field(default_factory=dict)
    state: str = "committed"


def prompt(old: str, new: str) -> dict[str, str]:
    """The valid prompt with one edit (which must apply)."""
    assert old in PROMPT, old
    return {"prompts/support.yaml": PROMPT.replace(old, new, 1)}


def suite(old: str, new: str) -> dict[str, str]:
    assert old in SUITE, old
    return {"suites/support.yaml": SUITE.replace(old, new, 1)}


def config(table: str) -> dict[str, str]:
    """A pyproject.toml whose `[tool.promptops]` table (starting on line 4) is `table`."""
    return {"pyproject.toml": PYPROJECT.split("[tool.promptops]")[0] + "[tool.promptops]\n" + table}


def injection(payload: str) -> dict[str, str]:
    """A prompt without declared variables whose only message (line 4) is `payload`."""
    return {"prompts/support.yaml": f"version: 1\nmessages:\n  - role: user\n    content: |\n      {payload}\n"}


def alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


P = "support.yaml"  # the prompt file (prompts/) and the suite file (suites/) share this name
RENDER = ("render", "support", "--var", "question=hi")
RENDER_BARE = ("render", "support")

PROMPTS: list[BadInput] = [
    BadInput(
        "credential-in-params",
        "prompt",
        f"{P}:3: model.params: 'api_key' looks like a credential",
        files=prompt("name: echo}", "name: echo, params: {api_key: sk-live-123}}"),
    ),
    BadInput("yaml-unclosed-quote", "prompt", f"{P}:11: YAML syntax error", files=prompt('"{{ question }}"', '"{{ q')),
    BadInput("yaml-bad-indent", "prompt", f"{P}:2: YAML syntax error", files=prompt("description:", "  x: 1\n y:")),
    BadInput("yaml-unclosed-flow", "prompt", f"{P}:4: YAML syntax error", files=prompt("echo}", "echo")),
    BadInput("tab-indent", "prompt", f"{P}:5: tab character in indentation", files=prompt("  question", "\tquestion")),
    BadInput(
        "duplicate-key",
        "prompt",
        f"{P}:2: duplicate key 'version' (first defined on line 1)",
        files=prompt("description:", "version: 2\ndescription:"),
    ),
    BadInput(
        "duplicate-nested-key",
        "prompt",
        f"{P}:6: duplicate key 'question' (first defined on line 5)",
        files=prompt("messages:", "  question: {type: string}\nmessages:"),
    ),
    BadInput(
        "version-text",
        "prompt",
        f"{P}:1: version: version must be a whole number",
        files=prompt("version: 1", "version: three"),
    ),
    BadInput(
        "version-zero",
        "prompt",
        f"{P}:1: version: Input should be greater than or equal to 1",
        files=prompt("version: 1", "version: 0"),
    ),
    BadInput(
        "version-bool",
        "prompt",
        f"{P}:1: version: version must be a whole number",
        files=prompt("version: 1", "version: true"),
    ),
    BadInput(
        "version-float",
        "prompt",
        f"{P}:1: version: version must be a whole number",
        files=prompt("version: 1", "version: 1.5"),
    ),
    BadInput(
        "messages-empty",
        "prompt",
        f"{P}:6: messages: List should have at least 1 item",
        files={"prompts/support.yaml": PROMPT.split("messages:")[0] + "messages: []\n"},
    ),
    BadInput(
        "messages-missing",
        "prompt",
        f"{P}:1: missing required key 'messages'",
        files={"prompts/support.yaml": PROMPT.split("messages:")[0]},
    ),
    BadInput(
        "message-bad-role",
        "prompt",
        f"{P}:9: messages[1].role: Input should be",
        files=prompt("role: user", "role: robot"),
    ),
    BadInput(
        "message-content-list",
        "prompt",
        f"{P}:8: messages[0].content: Input should be a valid string",
        files=prompt("You are helpful.", "[a, b]"),
    ),
    BadInput(
        "unknown-key",
        "prompt",
        f"{P}:2: unknown key 'descripton' (did you mean 'description'?)",
        files=prompt("description:", "descripton:"),
    ),
    BadInput(
        "unknown-model-key",
        "prompt",
        f"{P}:3: unknown key 'provdier' (did you mean 'provider'?)",
        files=prompt("{provider:", "{provdier:"),
    ),
    BadInput(
        "unknown-provider",
        "prompt",
        f"{P}:3: unknown provider 'echoo' (did you mean 'echo'?)",
        files=prompt("provider: echo,", "provider: echoo,"),
    ),
    BadInput(
        "run-unknown-provider",
        "prompt",
        f"{P}:3: unknown provider 'echoo' (did you mean 'echo'?)",
        argv=("run",),
        files=prompt("provider: echo,", "provider: echoo,"),
    ),
    BadInput(
        "unknown-variable-key",
        "prompt",
        f"{P}:5: unknown key 'requird' (did you mean 'required'?)",
        files=prompt("required:", "requird:"),
    ),
    BadInput(
        "variable-bad-type",
        "prompt",
        f"{P}:5: variables.question.type: Input should be",
        files=prompt("type: string", "type: str"),
    ),
    BadInput(
        "variable-bad-name",
        "prompt",
        f"{P}:4: variables: variable name 'my-var' must be a valid identifier",
        files=prompt("messages:", "  my-var: {type: string}\nmessages:"),
    ),
    BadInput(
        "name-with-slash",
        "prompt",
        f"{P}:1: name: name may hold letters",
        files=prompt("version: 1", "name: a/b\nversion: 1"),
    ),
    BadInput(
        "output-format",
        "prompt",
        f"{P}:11: output.format: Input should be 'text' or 'json'",
        files={"prompts/support.yaml": PROMPT + "output: {format: xml}\n"},
    ),
    BadInput(
        "output-bad-schema",
        "prompt",
        f"{P}:11: output: invalid JSON schema",
        files={"prompts/support.yaml": PROMPT + "output: {format: json, schema: {type: 12}}\n"},
    ),
    BadInput(
        "output-schema-list",
        "prompt",
        f"{P}:11: output.schema: should be a mapping of keys to values",
        files={"prompts/support.yaml": PROMPT + "output: {format: json, schema: [1]}\n"},
    ),
    BadInput(
        "template-unclosed",
        "prompt",
        f"{P}:10: template syntax error",
        files=prompt('"{{ question }}"', '"{{ question "'),
    ),
    BadInput(
        "template-unclosed-block",
        "prompt",
        f"{P}:10: template syntax error",
        files=prompt('"{{ question }}"', '"{% if question %}x"'),
    ),
    BadInput(
        "template-unknown-filter",
        "prompt",
        f"{P}:10: template syntax error: No filter named 'shout'",
        files=prompt('"{{ question }}"', '"{{ question | shout }}"'),
    ),
    BadInput(
        "template-undeclared",
        "prompt",
        f"{P}:10: template uses undeclared variable 'questoin'",
        files=prompt('"{{ question }}"', '"{{ questoin }}"'),
    ),
    BadInput("top-level-list", "prompt", f"{P}:1: top level is a list", files={"prompts/support.yaml": "- a\n- b\n"}),
    BadInput("top-level-scalar", "prompt", f"{P}:1: top level is a scalar", files={"prompts/support.yaml": "hello\n"}),
    BadInput("empty-file", "prompt", f"{P}:1: file is empty", files={"prompts/support.yaml": ""}),
    BadInput("whitespace-only", "prompt", f"{P}:1: file is empty", files={"prompts/support.yaml": " \n\n  \n"}),
    BadInput("comment-only", "prompt", f"{P}:1: file has no YAML content", files={"prompts/support.yaml": "# no\n"}),
    BadInput("binary", "prompt", f"{P}:2: binary file", files={"prompts/support.yaml": b"version: 1\n\x00\x01\x02"}),
    BadInput(
        "latin-1",
        "prompt",
        f"{P}:2: not valid UTF-8 (byte 0xe9)",
        files={"prompts/support.yaml": PROMPT.replace("Answers", "R\xe9pond").encode("latin-1")},
    ),
    BadInput(
        "huge-file",
        "prompt",
        f"{P}: file is 3,000,011 bytes, larger than",
        files={"prompts/support.yaml": "version: 1\n" + "#" * 3_000_000},
    ),
    BadInput("alias-bomb", "prompt", "(alias bomb?)", files={"prompts/support.yaml": alias_bomb()}),
    BadInput(
        "two-documents",
        "prompt",
        f"{P}:12: file holds several YAML documents",
        files={"prompts/support.yaml": PROMPT + "---\nversion: 2\n"},
    ),
    BadInput(
        "complex-key",
        "prompt",
        f"{P}:11: mapping key must be a plain value",
        files={"prompts/support.yaml": PROMPT + "? [a, b]\n: 1\n"},
    ),
    BadInput(
        "python-tag",
        "prompt",
        f"{P}:11: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
        files={"prompts/support.yaml": PROMPT + 'tags: !!python/object/apply:os.system ["echo hi"]\n'},
    ),
    BadInput(
        "undefined-alias",
        "prompt",
        f"{P}:11: YAML syntax error: found undefined alias",
        files={"prompts/support.yaml": PROMPT + "tags: *nope\n"},
    ),
    BadInput(
        "null-key",
        "prompt",
        f"{P}:11: mapping key None must be a string",
        files={"prompts/support.yaml": PROMPT + "~: 1\n"},
    ),
    BadInput("bad-int-tag", "prompt", f"{P}:1: bad value", files=prompt("version: 1", "version: !!int abc")),
    BadInput(
        "bad-file-name",
        "prompt",
        "bad name.yaml:1: file name 'bad name' is not a valid prompt name",
        files={"prompts/bad name.yaml": PROMPT},
    ),
    BadInput(
        "duplicate-prompt-name",
        "prompt",
        "duplicate prompt name 'support'",
        files={"prompts/other.yaml": "name: support\n" + PROMPT},
    ),
    BadInput(
        "render-bad-prompt",
        "prompt",
        f"{P}:1: version: version must be a whole number",
        argv=RENDER,
        files=prompt("version: 1", "version: x"),
    ),
    BadInput(
        "show-binary-prompt",
        "prompt",
        f"{P}:1: binary file",
        argv=("show", "support"),
        files={"prompts/support.yaml": b"\x00\xff"},
    ),
]

INJECTIONS: list[BadInput] = [
    BadInput(f"inject-{i}", "template", f"{P}:4: template", argv=RENDER_BARE, files=injection(payload))
    for i, payload in enumerate(
        [
            "{{ ''.__class__.__mro__ }}",
            "{{ cycler.__init__.__globals__.os }}",
            "{{ self.__dict__ }}",
            "{{ lipsum.__globals__ }}",
            "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
            "{{ 'a' * 10**9 }}",
            "{{ range(10**9) | list }}",
            "{{ ''|attr('__class__') }}",
            "{{ 'a'|center(10**9) }}",
            "{{ '%0999999999d' % 1 }}",
            "{{ '{:>999999999}'.format(1) }}",
            "{{ 2 ** 10000000 }}",
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "{{ lipsum(10**7) }}",
            "{{ config.items() }}",
            "{{ ().__class__.__bases__[0].__subclasses__() }}",
        ]
    )
]

# The same payloads met by `promptops run`, where rendering happens in the runner: nothing may be stored.
INJECTIONS += [
    BadInput(f"run-inject-{i}", "template", f"{P}:4: template", argv=("run",), files=injection(payload))
    for i, payload in enumerate(
        ["{{ question * 10**9 }}", "{{ question.__class__.__mro__ }}", "{{ undefined_name }}", "{{ 1 // 0 }}"]
    )
]

SUITES: list[BadInput] = [
    BadInput(
        "suite-missing-prompt",
        "suite",
        f"{P}:1: missing required key 'prompt'",
        files={"suites/support.yaml": SUITE.replace("prompt: support\n", "")},
    ),
    BadInput(
        "suite-cases-empty",
        "suite",
        f"{P}:2: cases: List should have at least 1 item",
        files={"suites/support.yaml": "prompt: support\ncases: []\n"},
    ),
    BadInput(
        "suite-unknown-key",
        "suite",
        f"{P}:7: unknown key 'case' (did you mean 'cases'?)",
        files={"suites/support.yaml": SUITE + "case: 1\n"},
    ),
    BadInput(
        "case-unknown-key",
        "suite",
        f"{P}:5: unknown key 'asert' (did you mean 'assert'?)",
        files=suite("assert:", "asert:"),
    ),
    BadInput(
        "duplicate-case-id",
        "suite",
        f"{P}:7: duplicate case id 'refund' (first on line 3)",
        files={"suites/support.yaml": SUITE + "  - id: refund\n    vars: {question: again}\n"},
    ),
    BadInput(
        "case-id-missing",
        "suite",
        f"{P}:3: missing required key 'cases[0].id'",
        files=suite("id: refund", "description: x"),
    ),
    BadInput(
        "repeat-zero",
        "suite",
        f"{P}:1: repeat: Input should be greater than or equal to 1",
        files={"suites/support.yaml": "repeat: 0\n" + SUITE},
    ),
    BadInput(
        "repeat-text",
        "suite",
        f"{P}:1: repeat: Input should be a valid integer",
        files={"suites/support.yaml": "repeat: many\n" + SUITE},
    ),
    BadInput(
        "threshold-high",
        "suite",
        f"{P}:1: threshold: Input should be less than or equal to 1",
        files={"suites/support.yaml": "threshold: 1.5\n" + SUITE},
    ),
    BadInput(
        "unknown-assertion",
        "suite",
        f"{P}:6: unknown assertion type 'icontain' (did you mean 'icontains'?)",
        files=suite("type: icontains", "type: icontain"),
    ),
    BadInput(
        "unknown-negated-assertion",
        "suite",
        f"{P}:6: unknown assertion type 'not-nosuch'",
        files=suite("type: icontains", "type: not-nosuch"),
    ),
    BadInput(
        "bad-regex",
        "suite",
        f"{P}:6: ",
        files=suite("{type: icontains, value: refund}", "{type: regex, value: '(unclosed'}"),
    ),
    BadInput(
        "bad-assertion-schema",
        "suite",
        f"{P}:6: ",
        files=suite("{type: icontains, value: refund}", "{type: is-json, schema: {type: 5}}"),
    ),
    BadInput(
        "assertion-no-type",
        "suite",
        f"{P}:6: missing required key 'cases[0].assert[0].type'",
        files=suite("type: icontains, ", ""),
    ),
    BadInput(
        "assertion-negative-weight",
        "suite",
        f"{P}:6: cases[0].assert[0].weight: Input should be greater",
        files=suite("value: refund}", "value: refund, weight: -1}"),
    ),
    BadInput(
        "missing-variable",
        "suite",
        f"{P}:3: missing required variable 'question'",
        files=suite('vars: {question: "Can I get a refund?"}', "vars: {}"),
    ),
    BadInput(
        "extra-variable",
        "suite",
        f"{P}:3: unknown variable 'questoin' for prompt 'support' (did you mean",
        files=suite('{question: "Can I get a refund?"}', "{question: x, questoin: y}"),
    ),
    BadInput(
        "variable-wrong-type",
        "suite",
        f"{P}:3: variable 'question' must be string, got int 3",
        files=suite('"Can I get a refund?"', "3"),
    ),
    BadInput(
        "variable-yaml-boolean",
        "suite",
        f"{P}:3: variable 'question' must be string, got bool True (YAML reads unquoted yes/no/on/off/true/false"
        " as booleans: quote it)",
        files=suite('"Can I get a refund?"', "yes"),
    ),
    BadInput(
        "case-id-yaml-boolean",
        "suite",
        f"{P}:7: cases[1].id: Input should be a valid string, got False (YAML reads unquoted yes/no/on/off/true/false"
        " as booleans: quote it)",
        files={"suites/support.yaml": SUITE + "  - id: no\n    vars: {question: again}\n"},
    ),
    BadInput(
        "run-missing-variable",
        "suite",
        f"{P}:3: missing required variable 'question'",
        argv=("run",),
        files=suite('vars: {question: "Can I get a refund?"}', "vars: {}"),
    ),
    BadInput(
        "run-unknown-assertion",
        "suite",
        f"{P}:6: unknown assertion type 'icontain'",
        argv=("run",),
        files=suite("type: icontains", "type: icontain"),
    ),
    BadInput(
        "unknown-prompt",
        "suite",
        f"{P}:1: prompt: no prompt named 'suport' (did you mean 'support'?)",
        files=suite("prompt: support", "prompt: suport"),
    ),
    BadInput("suite-tab", "suite", f"{P}:3: tab character", files=suite("  - id", "\t- id")),
    BadInput("suite-binary", "suite", f"{P}:1: binary file", files={"suites/support.yaml": b"\x00"}),
    BadInput("suite-empty", "suite", f"{P}:1: file is empty", files={"suites/support.yaml": b""}),
    BadInput("suite-alias-bomb", "suite", "(alias bomb?)", files={"suites/support.yaml": alias_bomb()}),
    BadInput(
        "suite-duplicate-key",
        "suite",
        f"{P}:7: duplicate key 'prompt' (first defined on line 1)",
        files={"suites/support.yaml": SUITE + "prompt: other\n"},
    ),
    BadInput(
        "defaults-unknown-key",
        "suite",
        f"{P}:1: unknown key 'asserts' (did you mean 'assert'?)",
        files={"suites/support.yaml": "defaults: {asserts: []}\n" + SUITE},
    ),
    BadInput(
        "run-syntax-error", "suite", f"{P}:5: YAML syntax error", argv=("run",), files=suite("vars: {", "vars: {{")
    ),
    BadInput(
        "assertion-bare-word",
        "suite",
        f"{P}:6: cases[0].assert[0]: should be a mapping of keys to values"
        " (`key: value` lines or `{key: value, ...}`), got 'contains'",
        files=suite("{type: icontains, value: refund}", "contains"),
    ),
    BadInput(
        "case-vars-list",
        "suite",
        f"{P}:4: cases[0].vars: should be a mapping of keys to values",
        files=suite('{question: "Can I get a refund?"}', "[1, 2]"),
    ),
]

CONFIGS: list[BadInput] = [
    BadInput("toml-syntax", "config", "pyproject.toml:6: invalid TOML", files=config("concurrency = 4\nretries = \n")),
    BadInput(
        "config-unknown-key",
        "config",
        "pyproject.toml:5: [tool.promptops] unknown key 'concurency' (did you mean 'concurrency'?)",
        files=config("concurency = 4\n"),
    ),
    BadInput(
        "config-wrong-type",
        "config",
        "pyproject.toml:5: [tool.promptops] concurrency:",
        files=config('concurrency = "many"\n'),
    ),
    BadInput(
        "config-out-of-range", "config", "pyproject.toml:5: [tool.promptops] retries:", files=config("retries = 100\n")
    ),
    BadInput(
        "config-bad-record", "config", "pyproject.toml:5: [tool.promptops] record:", files=config('record = "maybe"\n')
    ),
    BadInput(
        "config-not-table",
        "config",
        "pyproject.toml: [tool.promptops] must be a table",
        files={"pyproject.toml": "[tool]\npromptops = 3\n"},
    ),
    BadInput("config-latin-1", "config", "pyproject.toml:", files={"pyproject.toml": b"[tool.promptops]\n# \xe9\n"}),
    BadInput(
        "config-negative-timeout",
        "config",
        "pyproject.toml:5: [tool.promptops] timeout:",
        files=config("timeout = -1\n"),
    ),
    BadInput(
        "config-bad-drift-mode",
        "config",
        "pyproject.toml:5: [tool.promptops] drift_mode:",
        files=config('drift-mode = "panic"\n'),
    ),
    BadInput(
        "config-run",
        "config",
        "pyproject.toml:5: [tool.promptops] unknown key 'providr'",
        argv=("run",),
        files=config('providr = "echo"\n'),
    ),
    BadInput("config-binary", "config", "pyproject.toml:", files={"pyproject.toml": b"\x00\x00"}),
]

CLI: list[BadInput] = [
    BadInput("repeat-zero-option", "cli", "Invalid value for '--repeat'", argv=("run", "--repeat", "0")),
    BadInput("record-bad-choice", "cli", "Invalid value for '--record'", argv=("run", "--record", "maybe")),
    BadInput("concurrency-zero", "cli", "Invalid value for '--concurrency'", argv=("run", "--concurrency", "0")),
    BadInput("unknown-suite", "cli", "no suite file or suite named 'nosuch'", argv=("run", "nosuch")),
    BadInput("unknown-command", "cli", "No such command 'frobnicate'", argv=("frobnicate",)),
    BadInput("unknown-option", "cli", "No such option '--frob'", argv=("run", "--frob")),
    BadInput(
        "var-without-equals",
        "cli",
        "--var 'question' must look like KEY=VALUE",
        argv=("render", "support", "--var", "question"),
    ),
    BadInput(
        "vars-file-missing", "cli", "no_such.json: file not found", argv=("render", "support", "--vars", "no_such.json")
    ),
    BadInput(
        "vars-file-suffix",
        "cli",
        "vars.txt: --vars file must end in .yaml, .yml or .json",
        argv=("render", "support", "--vars", "vars.txt"),
        files={"vars.txt": "question: hi\n"},
    ),
    BadInput(
        "vars-file-bad-json",
        "cli",
        "vars.json:2: JSON syntax error",
        argv=("render", "support", "--vars", "vars.json"),
        files={"vars.json": '{"question":\n  }'},
    ),
    BadInput(
        "vars-file-json-list",
        "cli",
        "vars.json:1: top level is a list",
        argv=("render", "support", "--vars", "vars.json"),
        files={"vars.json": "[1]"},
    ),
    BadInput(
        "vars-file-bad-yaml",
        "cli",
        "vars.yaml:2: YAML syntax error",
        argv=("render", "support", "--vars", "vars.yaml"),
        files={"vars.yaml": "question: [\n"},
    ),
    BadInput(
        "vars-file-binary-json",
        "cli",
        "vars.json:1: binary file",
        argv=("render", "support", "--vars", "vars.json"),
        files={"vars.json": b"\x00{}"},
    ),
    BadInput("render-missing-var", "cli", "--var: missing required variable 'question'", argv=RENDER_BARE),
    BadInput(
        "render-extra-var",
        "cli",
        "--var: unknown variable 'questio' for prompt 'support' (did you mean 'question'?)",
        argv=("render", "support", "--var", "questio=hi"),
    ),
    BadInput(
        "render-vars-file-wrong-type",
        "cli",
        "vars.json: variable 'question' must be string, got int 3",
        argv=("render", "support", "--vars", "vars.json"),
        files={"vars.json": '{"question": 3}'},
    ),
    BadInput(
        "ref-empty-rev", "cli", "'support@' has nothing after '@'", argv=("render", "support@", "--var", "question=x")
    ),
    BadInput("ref-no-name", "cli", "'@1' has no prompt name", argv=("show", "@1")),
    BadInput("ref-dash-rev", "cli", "'-x' is not a git revision", argv=("show", "support@-x")),
    BadInput(
        "unknown-version",
        "cli",
        "prompt 'support' never had version 99 in git history (committed versions: 1, 2)",
        argv=("show", "support@99"),
    ),
    BadInput("unknown-rev", "cli", "unknown git revision 'deadbeef'", argv=("show", "support@deadbeef")),
    BadInput(
        "unknown-prompt-name", "cli", "no prompt named 'suport' (did you mean 'support'?)", argv=("show", "suport")
    ),
    BadInput("log-unknown-prompt", "cli", "no prompt named 'nosuch'", argv=("log", "nosuch")),
    BadInput("bad-format", "cli", "Invalid value for '--format'", argv=("render", "support", "--format", "xml")),
    BadInput("validate-missing-path", "cli", "does not exist", argv=("validate", "nope.yaml")),
    BadInput("run-unknown-version", "cli", "prompt 'support' never had version 99", argv=("run", "--version", "99")),
    BadInput(
        "prompt-at-missing-rev",
        "cli",
        "prompt 'fresh' (prompts/new.yaml) does not exist at HEAD~1",
        argv=("show", "fresh@HEAD~1"),
        files={"prompts/new.yaml": PROMPT.replace("version: 1", "name: fresh\nversion: 1")},
    ),
]

GIT_STATES: list[BadInput] = [
    BadInput("not-a-repo-show", "git", "is not inside a git repository", argv=("show", "support@1"), state="none"),
    BadInput("not-a-repo-log", "git", "is not inside a git repository", argv=("log", "support"), state="none"),
    BadInput("no-commits-log", "git", "has no commits yet", argv=("log", "support"), state="no_commits"),
    BadInput("no-commits-show", "git", "has no commits yet", argv=("show", "support@main"), state="no_commits"),
    BadInput("shallow-log", "git", "this is a shallow clone", argv=("log", "support"), state="shallow"),
    BadInput("shallow-show-version", "git", "this is a shallow clone", argv=("show", "support@1"), state="shallow"),
    BadInput(
        "shallow-old-rev",
        "git",
        "unknown git revision 'HEAD~1' (not a branch, tag or commit here); this is a shallow",
        argv=("show", "support@HEAD~1"),
        state="shallow",
    ),
    BadInput(
        "detached-unknown-version",
        "git",
        "prompt 'support' never had version 2",
        argv=("show", "support@2"),
        state="detached",
    ),
    BadInput(
        "detached-unknown-rev",
        "git",
        "unknown git revision 'HEAD~5'",
        argv=("show", "support@HEAD~5"),
        state="detached",
    ),
    BadInput("merge-conflict-validate", "git", f"{P}:", state="merge"),
    BadInput("merge-conflict-render", "git", f"{P}:", argv=RENDER, state="merge"),
]

CORPUS: list[BadInput] = PROMPTS + INJECTIONS + SUITES + CONFIGS + CLI + GIT_STATES
