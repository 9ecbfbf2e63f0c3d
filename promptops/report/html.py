"""Self-contained HTML scaffolding shared by the reports: one page, inline CSS, no script, no external fetch."""

from __future__ import annotations

import html
from collections.abc import Sequence

CSS = """
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg);
  margin: 0 auto; padding: 24px; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 12px; } h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); }
pre { background: var(--bg); border: 1px solid var(--line); padding: 8px; overflow-x: auto;
  white-space: pre-wrap; word-break: break-word; margin: 4px 0; }
code { background: var(--bg); padding: 0 3px; }
.verdict { font-size: 18px; font-weight: 600; padding: 10px 14px; border-radius: 6px; border: 1px solid; }
.pass { color: var(--pass); } .fail { color: var(--fail); } .warn { color: var(--warn); }
.verdict.pass { background: #dafbe1; } .verdict.fail { background: #ffebe9; }
.add { color: var(--pass); } .del { color: var(--fail); } .muted { color: var(--muted); }
ul { margin: 4px 0 12px; padding-left: 20px; }
"""


class Html(str):
    """Markup that is already safe: `table` inserts it as is instead of escaping it."""


def esc(text: object) -> str:
    """Escape any value for HTML text or attribute content."""
    return html.escape(str(text), quote=True)


def _cell(value: object) -> str:
    return value if isinstance(value, Html) else esc(value)


def table(headers: Sequence[object], rows: Sequence[Sequence[object]]) -> Html:
    """An HTML table; cells are escaped unless they are `Html`."""
    head = "".join(f"<th>{_cell(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    return Html(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def page(title: str, body_html: str) -> str:
    """A complete HTML document with inline styles that renders offline."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>\n<body>\n{body_html}\n</body></html>\n"
    )
