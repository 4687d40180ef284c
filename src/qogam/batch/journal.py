"""``results.jsonl``: one JSON line per checked content, appended as results arrive.

The journal is what makes a batch resumable and exact: a row is keyed by the
SHA-256 of the file's content, so a re-run skips what is done, a task that Dask
ran twice (its worker was killed) is recorded once, and a file copied under two
names is checked once (the second name gets a short "duplicate" row). A line cut
short by a crash is ignored on the next run and the file is checked again.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

JOURNAL_NAME = "results.jsonl"


@dataclass
class Journal:
    path: Path
    rows: dict[str, dict] = field(default_factory=dict)  # sha256 -> the latest full row
    duplicates: dict[str, dict] = field(default_factory=dict)  # path -> row naming the checked copy
    by_path: dict[str, dict] = field(default_factory=dict)  # path -> row, for the quick stat check
    damaged_lines: int = 0

    @classmethod
    def open(cls, folder: Path) -> Journal:
        folder.mkdir(parents=True, exist_ok=True)
        journal = cls(folder / JOURNAL_NAME)
        if journal.path.exists():
            journal._load()
        return journal

    def _load(self) -> None:
        with self.path.open("r", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    self.damaged_lines += 1
                    continue
                if not isinstance(row, dict) or "sha256" not in row:
                    self.damaged_lines += 1
                    continue
                self._remember(row)

    def _remember(self, row: dict) -> None:
        if row.get("status") == "duplicate":
            self.duplicates[row["path"]] = row
        else:
            self.rows[row["sha256"]] = row
        self.by_path[row["path"]] = row

    def done(self, sha256: str, *, retry_errors: bool = False) -> bool:
        row = self.rows.get(sha256)
        return row is not None and not (retry_errors and row.get("status") == "error")

    def unchanged(self, path: str, size: int, mtime_ns: int, *, retry_errors: bool = False) -> bool:
        """Whether ``path`` was recorded with this size and time and needs no hashing to skip."""
        row = self.by_path.get(path)
        if row is None or row.get("size_on_disk") != size or row.get("mtime_ns") != mtime_ns:
            return False
        return self.done(row["sha256"], retry_errors=retry_errors)

    def append(self, row: dict) -> bool:
        """Record a result; False when its content was already recorded (nothing is counted twice).

        A successful check replaces an earlier error row of the same content (a retry).
        """
        existing = self.rows.get(row["sha256"])
        if row.get("status") != "duplicate" and existing is not None:
            if existing.get("status") != "error" or row.get("status") == "error":
                return False
        line = json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
        needs_newline = self.path.exists() and self.path.stat().st_size > 0 and not _ends_with_newline(self.path)
        with self.path.open("a", encoding="utf-8") as handle:
            if needs_newline:
                handle.write("\n")  # the previous run died mid-line
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        self._remember(row)
        return True

    def all_rows(self) -> list[dict]:
        """Checked contents in path order, then duplicates, as the reports list them."""
        return sorted(self.rows.values(), key=lambda r: r["path"]) + sorted(
            self.duplicates.values(), key=lambda r: r["path"]
        )


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"
