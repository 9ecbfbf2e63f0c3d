"""promptops test suite."""
