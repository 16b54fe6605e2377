"""The JSON contract of `snapdebrief explain --json`, checked field by field on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from snapdebrief.contract import schema as shipped_schema
from snapdebrief.contract import schema_text
from snapdebrief.options import Options
from snapdebrief.pipeline import explain

from .conftest import LETTER, ROOT, TODAY, render_image, render_pdf


@pytest.fixture(scope="module")
def schema() -> dict:
    """The contract as the package ships it (snapdebrief/contract/explain.schema.json)."""
    out = shipped_schema()
    jsonschema.Draft202012Validator.check_schema(out)
    return out


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "snapdebrief.cli", *args], capture_output=True, text=True,
        cwd=cwd or ROOT, timeout=300, check=False,
    )


@pytest.mark.parametrize("form", ["pdf", "png"])
def test_cjib_letter_field_by_field(form: str, schema: dict) -> None:
    data = render_pdf(LETTER) if form == "pdf" else render_image(LETTER, dpi=250)
    out = explain([data], Options(today=TODAY)).to_json()
    jsonschema.validate(out, schema)
    assert out["kind"] == "cjib-aanmaning"
    assert out["sender"] == "CJIB"
    assert out["letter_date"] == "2026-03-12"
    assert out["stage"] == "aanmaning"
    assert out["deadline"]["date"] == "2026-04-09"
    assert out["deadline"]["action"] == "pay"
    assert "9 april 2026" in out["deadline"]["text"]
    assert out["amount_due"] == 165.0
    assert {a["value"] for a in out["amounts"]} >= {110.0, 55.0, 165.0}
    assert out["iban"] == "NL86INGB0002445588"
    assert out["payment_reference"] == "1062542157047959"
    assert out["objection_deadline"] is None
    assert out["bsn_found"] is False
    assert out["source"]["pages"] == 1
    assert out["source"]["methods"] == (["text-layer"] if form == "pdf" else ["ocr"])
    ev = out["deadline"]["evidence"]
    page_text = out["text"].split("\f")[ev["page"] - 1]
    assert "9 april 2026" in page_text[ev["start"] - 5 : ev["end"] + 5]
    if form == "png":
        assert len(ev["bbox"]) == 4 and ev["bbox"][2] > ev["bbox"][0]
        assert out["source"]["ocr_confidence"] > 70
    e = out["explanation"]
    assert e["summary"] and e["what_to_do"] and e["if_you_do_nothing"] and e["help"]
    assert "165" in (e["amount_text"] or "")


def test_bsn_never_printed_in_full(schema: dict) -> None:
    text = LETTER.replace("CJIB-nummer: 1062", "BSN: 111222333\nCJIB-nummer: 1062")
    text = text.replace("Geachte heer", "Uw burgerservicenummer is 1112.22.333.\n\nGeachte heer")
    out = explain([text.encode()], Options(today=TODAY)).to_json()
    jsonschema.validate(out, schema)
    assert out["bsn_found"] is True
    dumped = json.dumps(out, ensure_ascii=False)
    assert "111222333" not in dumped and "1112.22.333" not in dumped
    assert "******333" in out["text"]


def test_cli_json_and_text(tmp_path: Path, schema: dict) -> None:
    pdf = tmp_path / "brief.bin"  # the name says nothing: the type comes from the bytes
    pdf.write_bytes(render_pdf(LETTER))
    proc = run_cli("explain", str(pdf), "--json", "--today", TODAY.isoformat())
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    jsonschema.validate(out, schema)
    assert out["kind"] == "cjib-aanmaning"
    proc = run_cli("explain", str(pdf), "--today", TODAY.isoformat())
    assert proc.returncode == 0
    assert "Wat moet je doen?" in proc.stdout and "Vóór wanneer?" in proc.stdout
    # The letter's own reading ease beside ours, in the JSON (an added key) and in the text.
    ease = out["reading_ease"]
    assert set(ease) >= {"letter", "answer", "method"}
    assert isinstance(ease["letter"], float) and isinstance(ease["answer"], float)
    assert ease["answer"] >= 65
    assert f"De brief scoort {round(ease['letter'])}. Deze uitleg scoort {round(ease['answer'])}." in proc.stdout


def test_reading_ease_is_on_the_masked_letter_by_our_method() -> None:
    from snapdebrief.readability import explanation_text, score, unwrap

    text = LETTER.replace("Geachte heer", "Uw burgerservicenummer is 111222333.\n\nGeachte heer")
    result = explain([text.encode()], Options(today=TODAY))
    masked = "\n\n".join(result.document.texts)
    assert "111222333" not in masked
    assert result.reading_ease.letter == score(unwrap(masked))["flesch_douma"]
    assert result.reading_ease.answer == score(unwrap(explanation_text(result.explanation)))["flesch_douma"]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00broken", id="truncated-png"),
        pytest.param(bytes(range(256)) * 4, id="binary"),
        pytest.param(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer <<>>\n%%EOF", id="broken-pdf"),
    ],
)
def test_cli_bad_input_exit_2_in_dutch(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "brief.jpg"
    f.write_bytes(content)
    proc = run_cli("explain", str(f))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert any(w in proc.stderr for w in ("bestand", "Bestand", "foto", "PDF", "brief"))
    assert proc.stdout == ""


def test_cli_missing_file_exit_2(tmp_path: Path) -> None:
    proc = run_cli("explain", str(tmp_path / "bestaat-niet.pdf"))
    assert proc.returncode == 2
    assert "niet openen" in proc.stderr


def test_cli_schema_prints_the_shipped_contract() -> None:
    proc = run_cli("schema")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == schema_text()
    assert json.loads(proc.stdout)["title"] == "snapdebrief explain --json"
