"""The history plot of `promptops advise`: pass rate per version with its interval band and the target line."""

from __future__ import annotations

import io
from pathlib import Path

from promptops.advise import Advice, VersionPoint
from promptops.errors import InputError
from promptops.fileio import write_atomic

# File suffix -> matplotlib format; each is written by matplotlib itself (JPEG through Pillow, a dependency of it).
PLOT_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg"}


def plot_format(path: Path) -> str:
    """The image format `path`'s suffix asks for; any other suffix is bad input, refused before anything runs."""
    fmt = PLOT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        suffix = f"a '{path.suffix}' file" if path.suffix else "a file without a suffix"
        raise InputError(f"cannot write the plot as {suffix}; name a .png, .svg, .pdf or .jpg file", path)
    return fmt


def write_history_plot(advice: Advice, path: Path) -> None:
    """Write the history plot in the format the file's suffix asks for."""
    write_atomic(path, history_image(advice, plot_format(path)))


def _tick(point: VersionPoint) -> str:
    commit = point.commit[:7] if point.commit else "working"
    return f"v{point.version}\n{commit}" + ("" if point.evaluated else "\n(no run)")


def history_png(advice: Advice) -> bytes:
    """The history plot as PNG bytes."""
    return history_image(advice, "png")


def history_image(advice: Advice, fmt: str) -> bytes:
    """Render the history in `fmt` (matplotlib's Agg canvas, imported here so nothing else pays for it)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    figure = Figure(figsize=(7.5, 3.8), dpi=120)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    points = advice.versions
    scored = [(x, p) for x, p in enumerate(points) if p.evaluated]
    xs = [x for x, _ in scored]
    if len(points) > 1:
        k = min(advice.window, len(points) - 1)
        ax.axvspan(len(points) - k - 0.5, len(points) - 0.5, color="0.93", zorder=0, label=f"last {k} versions")
    ax.fill_between(
        xs, [p.ci_low for _, p in scored], [p.ci_high for _, p in scored], alpha=0.25, color="tab:blue", label="95% CI"
    )
    ax.plot(xs, [p.pass_rate for _, p in scored], marker="o", color="tab:blue", label="pass rate")
    ax.axhline(advice.target, linestyle="--", color="tab:red", label=f"target {advice.target:.0%}")
    ax.set_xticks(range(len(points)), [_tick(p) for p in points], fontsize=8)
    ax.set_xlim(-0.5, max(len(points) - 0.5, 0.5))
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel("case-samples passing")
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(f"{advice.prompt}: {advice.verdict.name}", fontsize=11)
    ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, bbox_inches="tight")
    return buffer.getvalue()
