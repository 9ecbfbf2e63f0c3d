"""Shared helpers of the benchmark scripts: offline model setup and the labelled drift pairs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "drift_pairs.yaml"


@dataclass(frozen=True)
class Pair:
    """One labelled pair of outputs: does going from `before` to `after` change the meaning?"""

    kind: str
    drift: bool
    before: str
    after: str


def offline(threads: int = 1) -> None:
    """Never touch the network; keep torch to a few threads on a shared machine."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch

    torch.set_num_threads(threads)


def load_pairs(path: Path = DATA) -> list[Pair]:
    """The labelled pairs from the YAML data file."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]
    return [Pair(p["kind"], bool(p["drift"]), p["before"], p["after"]) for p in raw]
