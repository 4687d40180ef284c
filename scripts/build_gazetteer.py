#!/usr/bin/env python3
"""Rebuild qogam's gazetteer (src/qogam/geo/gazetteer.json.gz) from a KATO CSV.

    python scripts/build_gazetteer.py                      # from /work/shared/data/kato.csv
    python scripts/build_gazetteer.py --kato new/kato.csv  # a newer KATO edition
    python scripts/build_gazetteer.py --check              # is the shipped file up to date?

The CSV has the columns kato,kato_version,level,type_code,name_ru,name_kk; a
kato.source.json next to it is copied into the provenance. Hand-written names live in
src/qogam/geo/aliases.yaml and context.yaml.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from qogam.geo.build import OUTPUT, BuildError, build, serialise  # noqa: E402

DEFAULT_KATO = Path("/work/shared/data/kato.csv")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kato", type=Path, default=DEFAULT_KATO, help="KATO CSV file")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="where to write the gazetteer")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file at --out differs from a fresh build")
    args = parser.parse_args(argv)
    try:
        if args.check:
            shipped = json.loads(gzip.decompress(args.out.read_bytes()))
            fresh = build(args.kato, built_at=shipped["provenance"]["built_at"])
            if fresh != shipped:
                print(f"{args.out}: out of date; run python scripts/build_gazetteer.py", file=sys.stderr)
                return 1
            print(f"{args.out}: up to date")
            return 0
        gazetteer = build(args.kato)
    except (BuildError, OSError) as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 2
    data = serialise(gazetteer)
    args.out.write_bytes(data)
    counts: dict[str, int] = {}
    for patterns in gazetteer["index"].values():
        for _, role, _ in patterns:
            counts[role] = counts.get(role, 0) + 1
    print(f"wrote {args.out} ({len(data):,} bytes): {len(gazetteer['units'])} units, "
          f"{len(gazetteer['entries'])} entries, forms per role {dict(sorted(counts.items()))}")
    print(f"KATO {gazetteer['provenance']['kato_version']}, sha256 {gazetteer['provenance']['kato_sha256'][:16]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
