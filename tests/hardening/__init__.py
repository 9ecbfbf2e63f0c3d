"""Hardening tests: bad input, provider faults, crashes, secrets."""
