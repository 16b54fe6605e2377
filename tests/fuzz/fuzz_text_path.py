"""A longer fuzz run of the whole text path (`make fuzz`), not part of the default test run.

Letters are cut, spliced and sprinkled with random text and characters; every input must give
a Result or a BadInputError, never another exception, and never a BSN in full.
Usage: .venv/bin/python tests/fuzz/fuzz_text_path.py [--examples 2000]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from snapdebrief.errors import BadInputError
from snapdebrief.options import Options
from snapdebrief.pipeline import explain

LETTERS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "letters").glob("*.txt"))]
BSN = "111222333"
PIECES = st.sampled_from(
    ["€ 1.234,56", "12-03-2026", "binnen 14 dagen", "BSN: 111222333", "NL86 INGB 0002 4455 88",
     "Betaal vóór", "\f", "\u202e", "\x00", "Aanmaning", "1234.56.782.H.46", "31-02-2026",
     "€ -,--", "9999999999999999", "<script>", "**", "\n\n\n"]
)


@st.composite
def letter_like(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from(LETTERS))
    start = draw(st.integers(0, len(base)))
    end = draw(st.integers(start, len(base)))
    parts = [base[:start], draw(st.text(max_size=200)), draw(PIECES), base[end:]]
    if draw(st.booleans()):
        parts.insert(1, draw(st.sampled_from(LETTERS))[: draw(st.integers(0, 3000))])
    return "".join(parts)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--examples", type=int, default=2000)
    args = p.parse_args()

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(letter_like())
    def run(text: str) -> None:
        try:
            result = explain([text.encode("utf-8", "surrogatepass")], Options())
        except BadInputError:
            return
        if f"BSN: {BSN}\n" in text or f"BSN: {BSN} " in text:
            out = json.dumps(result.to_json(), ensure_ascii=False)
            assert BSN not in out, "a labelled BSN printed in full"

    run()
    print(f"fuzz: {args.examples} examples of the whole text path, no unexpected exception")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
