"""States with their facts for a few organisations, recomputed for display (the stored rows hold no facts)."""

from __future__ import annotations

import datetime as dt

from .definitions import Thresholds, load
from .load import load_records
from .records import OrgRecord
from .states import OrgState, classify, prepare

CHUNK = 900  # ids per query: under SQLite's oldest limit on bound variables


def fresh_states(ids: list[int], as_of: dt.date, thresholds: Thresholds | None = None
                 ) -> tuple[dict[int, OrgState], dict[int, OrgRecord]]:
    """State (with facts and anomalies) and record of each organisation in ``ids`` on ``as_of``."""
    definitions = load()
    thresholds = thresholds or definitions.thresholds
    states: dict[int, OrgState] = {}
    records: dict[int, OrgRecord] = {}
    for start in range(0, len(ids), CHUNK):
        for record in load_records(ids[start: start + CHUNK]):
            records[record.key] = record
            prepared = prepare(record, as_of, definitions)
            if not prepared.excluded:
                states[record.key] = classify(prepared, thresholds, definitions)
    return states, records
