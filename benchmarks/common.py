"""Shared helpers of the benchmark scripts: offline model setup and the labelled drift pairs."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

DATA = Path(__file__).parent / "data" / "drift_pairs.yaml"
# Written before the checks were tuned on the held-out misses, and never edited after: the clean test set.
FRESH = Path(__file__).parent / "data" / "drift_pairs_fresh.yaml"
# Written after the last change to the drift checks, measured once and never tuned on: a second clean test set.
UNSEEN = Path(__file__).parent / "data" / "drift_pairs_unseen.yaml"
CONFIRM = Path(__file__).parent / "data" / "drift_pairs_confirm.yaml"
# Written independently of the fixes that followed the confirm set, committed before it was measured, measured once.
FINAL = Path(__file__).parent / "data" / "drift_pairs_final.yaml"
# Written independently of the fixes that followed the final set, committed before it was measured, measured once.
HOLDOUT = Path(__file__).parent / "data" / "drift_pairs_holdout.yaml"
# Written independently of the fixes that followed the holdout set, committed before it was measured, measured once.
BLIND = Path(__file__).parent / "data" / "drift_pairs_blind.yaml"
# Written independently of the fixes that followed the blind set, committed before it was measured, measured once.
SEALED = Path(__file__).parent / "data" / "drift_pairs_sealed.yaml"
# Written independently of the fixes that followed the sealed set, committed before it was measured, measured once.
VAULT = Path(__file__).parent / "data" / "drift_pairs_vault.yaml"
# Written independently of the fixes that followed the vault set, committed before it was measured, measured once.
LOCKED = Path(__file__).parent / "data" / "drift_pairs_locked.yaml"
# Written independently of the fixes that followed the locked set, committed before it was measured, measured once.
CAPSULE = Path(__file__).parent / "data" / "drift_pairs_capsule.yaml"
# Written independently of the fixes that followed the capsule set, committed before it was measured, measured once.
KEYSTONE = Path(__file__).parent / "data" / "drift_pairs_keystone.yaml"
# Written independently of the fixes that followed the keystone set, committed before it was measured, measured once.
LATTICE = Path(__file__).parent / "data" / "drift_pairs_lattice.yaml"
# Written independently of the fixes that followed the lattice set, committed before it was measured, measured once.
MERIDIAN = Path(__file__).parent / "data" / "drift_pairs_meridian.yaml"
# Two sets written independently of the fixes that followed the meridian set, committed before they were measured,
# measured once.
NIMBUS = Path(__file__).parent / "data" / "drift_pairs_nimbus.yaml"
ORBIT = Path(__file__).parent / "data" / "drift_pairs_orbit.yaml"
# Written independently of the fixes that followed the nimbus and orbit sets, committed before it was measured,
# measured once.
PRISM = Path(__file__).parent / "data" / "drift_pairs_prism.yaml"
# Written independently of the fixes that followed the prism set, committed before it was measured, measured once.
QUARTZ = Path(__file__).parent / "data" / "drift_pairs_quartz.yaml"
# Written independently of the fixes that followed the quartz set, committed before it was measured, measured once.
RIDGE = Path(__file__).parent / "data" / "drift_pairs_ridge.yaml"
# Both written independently of the fixes that followed the ridge set, committed before they were measured, measured
# once.
SIGMA = Path(__file__).parent / "data" / "drift_pairs_sigma.yaml"
TUNDRA = Path(__file__).parent / "data" / "drift_pairs_tundra.yaml"
# Written independently of the fixes that followed the sigma and tundra sets, committed before it was measured, measured
# once.
UMBRA = Path(__file__).parent / "data" / "drift_pairs_umbra.yaml"
# Written independently, like umbra and after the same round (no change to the checks between the two), committed
# before it was measured, measured once.
VEGA = Path(__file__).parent / "data" / "drift_pairs_vega.yaml"
# Both written independently after the same round as umbra and vega (wisp asked for a realistic mix, xenon for hard
# pairs), committed before they were measured, measured once.
WISP = Path(__file__).parent / "data" / "drift_pairs_wisp.yaml"
XENON = Path(__file__).parent / "data" / "drift_pairs_xenon.yaml"
# Written independently of the fixes that followed those four sets, committed before it was measured, measured once.
YONDER = Path(__file__).parent / "data" / "drift_pairs_yonder.yaml"
# Both written blind while the yonder round was being made (a realistic mix of easy and hard pairs) and committed
# before they were measured; zenith measured once before that round, zephyr once after it and the zenith round.
ZENITH = Path(__file__).parent / "data" / "drift_pairs_zenith.yaml"
ZEPHYR = Path(__file__).parent / "data" / "drift_pairs_zephyr.yaml"
# Both written blind while the zephyr round was being made (a realistic mix of easy and hard pairs), committed before
# they were measured, measured once after that round.
ASTER = Path(__file__).parent / "data" / "drift_pairs_aster.yaml"
BIRCH = Path(__file__).parent / "data" / "drift_pairs_birch.yaml"
CEDAR = Path(__file__).parent / "data" / "drift_pairs_cedar.yaml"
DUNE = Path(__file__).parent / "data" / "drift_pairs_dune.yaml"
ELM = Path(__file__).parent / "data" / "drift_pairs_elm.yaml"
FJORD = Path(__file__).parent / "data" / "drift_pairs_fjord.yaml"
GALE = Path(__file__).parent / "data" / "drift_pairs_gale.yaml"
HEATH = Path(__file__).parent / "data" / "drift_pairs_heath.yaml"
IRIS = Path(__file__).parent / "data" / "drift_pairs_iris.yaml"
JUNIPER = Path(__file__).parent / "data" / "drift_pairs_juniper.yaml"
KESTREL = Path(__file__).parent / "data" / "drift_pairs_kestrel.yaml"
LINDEN = Path(__file__).parent / "data" / "drift_pairs_linden.yaml"
MARRAM = Path(__file__).parent / "data" / "drift_pairs_marram.yaml"
NETTLE = Path(__file__).parent / "data" / "drift_pairs_nettle.yaml"
OAK = Path(__file__).parent / "data" / "drift_pairs_oak.yaml"
PINE = Path(__file__).parent / "data" / "drift_pairs_pine.yaml"
QUINCE = Path(__file__).parent / "data" / "drift_pairs_quince.yaml"
ROWAN = Path(__file__).parent / "data" / "drift_pairs_rowan.yaml"

TestSet = Literal[
    "fresh",
    "unseen",
    "confirm",
    "final",
    "holdout",
    "blind",
    "sealed",
    "vault",
    "locked",
    "capsule",
    "keystone",
    "lattice",
    "meridian",
    "nimbus",
    "orbit",
    "prism",
    "quartz",
    "ridge",
    "sigma",
    "tundra",
    "umbra",
    "vega",
    "wisp",
    "xenon",
    "yonder",
    "zenith",
    "zephyr",
    "aster",
    "birch",
    "cedar",
    "dune",
    "elm",
    "fjord",
    "gale",
    "heath",
    "iris",
    "juniper",
    "kestrel",
    "linden",
    "marram",
    "nettle",
    "oak",
    "pine",
    "quince",
    "rowan",
]
Split = Literal["dev", "held-out", TestSet]
# Each clean test file is reported as one split of its own name.
TEST_SETS: dict[TestSet, Path] = {
    "fresh": FRESH,
    "unseen": UNSEEN,
    "confirm": CONFIRM,
    "final": FINAL,
    "holdout": HOLDOUT,
    "blind": BLIND,
    "sealed": SEALED,
    "vault": VAULT,
    "locked": LOCKED,
    "capsule": CAPSULE,
    "keystone": KEYSTONE,
    "lattice": LATTICE,
    "meridian": MERIDIAN,
    "nimbus": NIMBUS,
    "orbit": ORBIT,
    "prism": PRISM,
    "quartz": QUARTZ,
    "ridge": RIDGE,
    "sigma": SIGMA,
    "tundra": TUNDRA,
    "umbra": UMBRA,
    "vega": VEGA,
    "wisp": WISP,
    "xenon": XENON,
    "yonder": YONDER,
    "zenith": ZENITH,
    "zephyr": ZEPHYR,
    "aster": ASTER,
    "birch": BIRCH,
    "cedar": CEDAR,
    "dune": DUNE,
    "elm": ELM,
    "fjord": FJORD,
    "gale": GALE,
    "heath": HEATH,
    "iris": IRIS,
    "juniper": JUNIPER,
    "kestrel": KESTREL,
    "linden": LINDEN,
    "marram": MARRAM,
    "nettle": NETTLE,
    "oak": OAK,
    "pine": PINE,
    "quince": QUINCE,
    "rowan": ROWAN,
}


@dataclass(frozen=True)
class Pair:
    """One labelled pair of outputs: does going from `before` to `after` change the meaning?"""

    id: str
    kind: str
    drift: bool
    before: str
    after: str
    test_set: TestSet | None = None

    @property
    def split(self) -> Split:
        """The test set for a test file, else `dev` (tune on it) or `held-out` by the first byte of sha256(id)."""
        if self.test_set is not None:
            return self.test_set
        return "dev" if hashlib.sha256(self.id.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def offline(threads: int = 1) -> None:
    """Never touch the network; keep torch to a few threads on a shared machine."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch

    torch.set_num_threads(threads)


def load_pairs(path: Path = DATA) -> list[Pair]:
    """The labelled pairs from the YAML data file; ids must be unique."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]
    test_set = next((name for name, file in TEST_SETS.items() if path.resolve() == file.resolve()), None)
    pairs = [Pair(p["id"], p["kind"], bool(p["drift"]), p["before"], p["after"], test_set) for p in raw]
    ids = [p.id for p in pairs]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate pair ids")
    return pairs
