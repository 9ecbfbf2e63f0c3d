"""A throwaway promptops project in a real git repo, with a `main` base branch, for the diff and check tests."""

from __future__ import annotations

from tests.gitrepo import GitRepo

CASES = {
    "refund": "Can I get a refund?",
    "shipping": "How long does shipping take?",
    "invoice": "Where is my invoice?",
    "warranty": "Is the warranty two years?",
    "password": "How do I reset my password?",
    "delivery": "Can delivery be on Sunday?",
}


def prompt_text(
    version: int,
    *,
    system: str = "You are a concise support agent.",
    user: str = "{{ question }}",
    description: str = "Answers a customer question.",
    temperature: float = 0.2,
    comment: str = "",
    params: str = "",
) -> str:
    """A support prompt on the echo provider, which answers with the rendered user message."""
    return (
        f"# support prompt{comment}\n"
        f"version: {version}\n"
        f"description: {description}\n"
        f"model: {{provider: echo, name: echo, params: {{temperature: {temperature}{params}}}}}\n"
        "variables:\n"
        "  question: {type: string, required: true}\n"
        "messages:\n"
        "  - role: system\n"
        f"    content: {system}\n"
        "  - role: user\n"
        f'    content: "{user}"\n'
    )


def suite_text(prompt: str = "support", extra_case: str = "", threshold: float = 1.0) -> str:
    """Each case passes when the answer mentions the case's key word (its id)."""
    lines = [f"prompt: {prompt}", "repeat: 2", f"threshold: {threshold}", "cases:"]
    for case_id, question in CASES.items():
        lines += [f"  - id: {case_id}", f'    vars: {{question: "{question}"}}']
        lines += [f"    assert: [{{type: icontains, value: {case_id}}}]"]
    return "\n".join(lines) + "\n" + extra_case


def base_project(repo: GitRepo) -> GitRepo:
    """`main`: prompt `support` v1 and its suite, committed; the working tree is then on branch `head`."""
    repo.write("prompts/support.yaml", prompt_text(1))
    repo.write("suites/support.yaml", suite_text())
    repo.write(".gitignore", ".promptops/\n")
    repo.commit("support v1")
    repo.git("checkout", "-q", "-b", "head")
    return repo


def regressed_prompt(version: int = 2) -> str:
    """A new version whose user message drops the question: every case breaks."""
    return prompt_text(version, user="Please describe your problem.")
