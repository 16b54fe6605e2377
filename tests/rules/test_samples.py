"""Classify the sample letters (samples/letters/*.txt, truth in *.json) and report the confusion.

The floor is one we reach; it guards against a rule change that breaks many letters. The
samples are fictitious but realistic: a failure here is read as "the rules are too narrow",
never fixed with a pattern that only fits one sample.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from snapdebrief.classify import classify
from snapdebrief.rules import load_rules

LETTERS = Path(__file__).resolve().parents[2] / "samples" / "letters"
KIND_FLOOR = 0.90
STAGE_FLOOR = 0.85


def _samples() -> list[tuple[str, dict, list[str]]]:
    out = []
    for txt in sorted(LETTERS.glob("*.txt")):
        meta = txt.with_suffix(".json")
        if meta.exists():
            out.append(
                (
                    txt.name,
                    json.loads(meta.read_text(encoding="utf-8")),
                    txt.read_text(encoding="utf-8").split("\f"),
                )
            )
    return out


def test_sample_letters_confusion():
    samples = _samples()
    if not samples:
        pytest.skip("no sample letters in samples/letters yet")
    rules = load_rules()
    confusion: Counter[tuple[str, str]] = Counter()
    wrong, stage_wrong, stage_total = [], [], 0
    for name, truth, pages in samples:
        c = classify(pages, rules, sender=truth.get("sender"))
        confusion[(truth["kind"], c.kind)] += 1
        if c.kind != truth["kind"]:
            wrong.append(f"{name}: {truth['kind']} -> {c.kind} {c.scores[:3]}")
        elif "stage" in truth:
            stage_total += 1
            if c.stage != truth["stage"]:
                stage_wrong.append(f"{name}: stage {truth['stage']} -> {c.stage}")
    n = len(samples)
    accuracy = 1 - len(wrong) / n
    stage_accuracy = 1 - len(stage_wrong) / stage_total if stage_total else 1.0
    kinds = sorted({k for pair in confusion for k in pair})
    table = [
        f"kind accuracy {accuracy:.3f} ({n - len(wrong)}/{n}); stage accuracy {stage_accuracy:.3f}"
    ]
    table += [
        f"  {t:<28} -> {p:<28} {confusion[(t, p)]}"
        for t in kinds
        for p in kinds
        if confusion[(t, p)] and t != p
    ]
    table += wrong + stage_wrong
    report = "\n".join(table)
    print(report)
    assert accuracy >= KIND_FLOOR, report
    assert stage_accuracy >= STAGE_FLOOR, report


def test_sample_letters_without_the_sender_hint():
    """The fields stage may not find the sender; the letterhead alone must mostly do."""
    samples = _samples()
    if not samples:
        pytest.skip("no sample letters in samples/letters yet")
    rules = load_rules()
    right = sum(classify(pages, rules).kind == truth["kind"] for _, truth, pages in samples)
    assert right / len(samples) >= KIND_FLOOR
