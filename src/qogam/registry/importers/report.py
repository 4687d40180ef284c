"""What an import did to each row, summed up for people and written out per row (no Django)."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

OUTCOMES = ("added", "changed", "unchanged", "skipped", "rejected")
EXAMPLES_PER_REASON = 5
OUTCOME_RU = {
    "added": "добавлено",
    "changed": "изменено",
    "unchanged": "без изменений",
    "skipped": "пропущено",
    "rejected": "отклонено",
}


@dataclass
class RowResult:
    row: int
    key: str  # BIN (and year for filings)
    outcome: str
    reason: str = ""
    detail: str = ""


@dataclass
class ImportReport:
    kind: str
    file: str
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    reasons: dict = field(default_factory=dict)  # reason → {"outcome", "count", "examples"}
    rows: list[RowResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    resumed_from: int = 0
    already_imported: bool = False
    run_id: int | None = None

    def note(self, row: int, key: str, outcome: str, reason: str = "", detail: str = "") -> None:
        """Record one row's outcome; ``reason`` is summed up, ``detail`` stays with the row."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        self.counts[outcome] += 1
        self.rows.append(RowResult(row, key, outcome, reason, detail))
        if reason:
            entry = self.reasons.setdefault(reason, {"outcome": outcome, "count": 0, "examples": []})
            entry["count"] += 1
            if len(entry["examples"]) < EXAMPLES_PER_REASON:
                entry["examples"].append(f"{row}:{key}" if key else str(row))

    def restore(self, counts: dict, reasons: dict) -> None:
        """Carry over what the interrupted run had committed before resuming."""
        self.counts.update(counts)
        for reason, entry in reasons.items():
            self.reasons[reason] = dict(entry, examples=list(entry.get("examples", [])))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "file": self.file,
            "dry_run": self.dry_run,
            "already_imported": self.already_imported,
            "resumed_from_row": self.resumed_from,
            "counts": {name: self.counts.get(name, 0) for name in OUTCOMES},
            "reasons": self.reasons,
            "notes": self.notes,
        }

    def summary(self) -> str:
        lines = []
        mode = " (пробный запуск: ничего не записано)" if self.dry_run else ""
        lines.append(f"Импорт {self.kind}: {self.file}{mode}")
        if self.already_imported:
            lines.append("Этот файл уже импортирован полностью — повторять нечего (используйте --force).")
        if self.resumed_from:
            lines.append(f"Продолжение прерванного импорта с {self.resumed_from + 1}-й строки данных.")
        lines.extend(f"  {note}" for note in self.notes)
        for name in OUTCOMES:
            lines.append(f"  {OUTCOME_RU[name]:<15} {self.counts.get(name, 0):>8}")
        if self.reasons:
            lines.append("Причины (строка:ключ — примеры):")
            for reason, entry in sorted(self.reasons.items(), key=lambda item: -item[1]["count"]):
                examples = ", ".join(entry["examples"])
                lines.append(f"  [{OUTCOME_RU[entry['outcome']]}] {reason}: {entry['count']} ({examples})")
        return "\n".join(lines)

    def write_rows(self, path: str | Path) -> None:
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["row", "key", "outcome", "reason", "detail"])
            for item in self.rows:
                writer.writerow([item.row, item.key, item.outcome, item.reason, item.detail])
