"""How many texts the change checks keep what they read from each: the texts of one drift case, no more."""

from __future__ import annotations

# `promptops.drift` compares the texts of one case with each other (every baseline sample with every candidate
# sample, and the baseline samples with each other), then moves on to the next case: a check that reads a text once
# and keeps what it read for this many texts reads it once per case, however many samples the case has (up to half
# this many a side), and keeps no more than a case needs (so a second drift run over the same thousand texts in one
# process, as `benchmarks/scorer_throughput.py` repeats it, reads every text again).
TEXTS_PER_CASE = 64
