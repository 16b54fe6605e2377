"""Measure the date finders on the sample letters (samples/letters/*.txt + *.json truth).

Reports per-letter mismatches for the letter date, the deadline and the appointment, and
asserts only floors the finders reach. Skips when no samples exist. Run with -s to see the
report. Every fix must be a general Dutch phrasing, never a pattern for one sample.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from snapdebrief.fields.dates import find_appointment, find_dates, find_letter_date
from snapdebrief.fields.deadline import choose_deadline, objection_deadline_from
from snapdebrief.fields.terms import find_relative_terms

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "letters"
RULES = ROOT / "rules"

# deadline.action per kind (what its letters ask); a rules/<kind>.yaml `deadline.actions`
# overrides it. Only used where the rule file does not exist yet.
KIND_ACTIONS: dict[str, list[str]] = {
    "belasting-aanslag": ["pay"],
    "belasting-aanmaning": ["pay"],
    "toeslag-beschikking": ["respond"],
    "toeslag-terugvordering": ["pay"],
    "gemeente-belastingaanslag": ["pay"],
    "kwijtschelding-besluit": ["pay"],
    "cjib-boete": ["pay"],
    "cjib-aanmaning": ["pay"],
    "incasso-aanmaning": ["pay"],
    "deurwaarder": ["pay", "respond", "attend"],
    "zorgverzekering-achterstand": ["pay"],
    "huurachterstand": ["pay", "respond"],
    "energie-achterstand": ["pay", "respond"],
    "uitkering-besluit": ["pay"],
    "uitkering-informatieverzoek": ["send_documents", "respond"],
    "duo-studieschuld": ["pay"],
    "afspraak-uitnodiging": ["attend", "respond"],
    "overig": ["none"],
}
LETTER_FLOOR = 0.9
DEADLINE_FLOOR = 0.8


def _actions(kind: str) -> list[str]:
    path = RULES / f"{kind}.yaml"
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        acts = (data.get("deadline") or {}).get("actions")
        if acts:
            return list(acts)
    return KIND_ACTIONS.get(kind, ["pay", "respond", "send_documents", "attend"])


def _pages(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("<<FF>>", "\f").split("\f")


def _cases() -> list[tuple[Path, dict]]:
    out = []
    for txt in sorted(SAMPLES.glob("*.txt")):
        truth = txt.with_suffix(".json")
        if truth.exists():
            out.append((txt, json.loads(truth.read_text(encoding="utf-8"))))
    return out


def test_sample_letters_dates(capsys: pytest.CaptureFixture[str]) -> None:
    cases = _cases()
    if not cases:
        pytest.skip("no sample letters with truth yet")
    n = len(cases)
    ok_letter = ok_deadline = ok_objection = n_obj = ok_appt = n_appt = 0
    report: list[str] = []
    for txt, truth in cases:
        pages = _pages(txt)
        mentions = find_dates(pages)
        letter = find_letter_date(pages, mentions)
        ld = letter.date if letter else None
        rel = find_relative_terms(pages, ld)
        dl = choose_deadline(mentions + rel, ld, _actions(truth.get("kind", "")))
        name = txt.stem
        want_ld = truth.get("letter_date")
        if (ld.isoformat() if ld else None) == want_ld:
            ok_letter += 1
        else:
            report.append(f"{name}: letter_date {ld} != {want_ld}")
        want_dl = truth.get("deadline")
        got_dl = {"date": dl.date.isoformat(), "action": dl.action} if dl else None
        if (got_dl and want_dl and got_dl["date"] == want_dl.get("date")
                and got_dl["action"] == want_dl.get("action")) or (got_dl is None and not want_dl):
            ok_deadline += 1
        else:
            report.append(f"{name}: deadline {got_dl} != {want_dl}")
        want_obj = truth.get("objection_deadline")
        if want_obj:
            n_obj += 1
            got_obj = objection_deadline_from(mentions + rel, ld, 6)
            if got_obj == date.fromisoformat(want_obj):
                ok_objection += 1
            else:
                report.append(f"{name}: objection {got_obj} != {want_obj} (6 weeks assumed)")
        want_appt = truth.get("appointment")
        if want_appt:
            n_appt += 1
            appt = find_appointment(pages, mentions)
            if (appt and appt.date.isoformat() == want_appt["date"]
                    and appt.time == want_appt.get("time")):
                ok_appt += 1
            else:
                report.append(f"{name}: appointment {appt} != {want_appt}")
    with capsys.disabled():
        print(f"\n[dates] {n} letters: letter_date {ok_letter}/{n}, deadline {ok_deadline}/{n}, "
              f"objection {ok_objection}/{n_obj}, appointment {ok_appt}/{n_appt}")
        for line in report:
            print("  " + line)
    assert ok_letter / n >= LETTER_FLOOR
    assert ok_deadline / n >= DEADLINE_FLOOR
