"""Opening one new SQLite file from several processes at the same moment."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from promptops.sqlite_util import open_wal

OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from promptops.sqlite_util import open_wal
    path, start = Path(sys.argv[1]), float(sys.argv[2])
    time.sleep(max(0.0, start - time.time()))
    conn = open_wal(path, timeout=30)
    conn.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    """
)


@pytest.mark.parametrize("round_", range(5))
def test_processes_that_open_a_new_file_together_all_get_it_in_wal_mode(tmp_path: Path, round_: int) -> None:
    path = tmp_path / f"new-{round_}.sqlite"
    start = time.time() + 1.0  # every process is imported and waiting by then, so they open together
    procs = [
        subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(start)], stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
    conn = open_wal(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 6
    conn.close()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "not.sqlite"
    path.write_text("this is not a database, " * 100)
    with pytest.raises(sqlite3.DatabaseError):
        open_wal(path, timeout=1)
