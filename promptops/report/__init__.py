"""Reports: terminal, markdown, JSON and HTML renderings of runs, diffs, checks and advice."""
