"""`snapdebrief eval`: run the real pipeline on every sample letter in every form and score each field.

A field that is absent in the truth and absent in the output is not counted. Every counted field
is right, missing (the truth has a value, the output none) or given and wrong (the output has a
value that is not the truth's, also where the truth has none): a wrong deadline or amount is
worse than none (issue #15), so the guard has ceilings on "wrong" beside its floors on "right".
Text is scored by character error rate against the letter's .txt.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import SnapError
from .options import Options
from .result import cents, json_number
from .settings import read_settings

FORMS = ("txt", "pdf", "scan", "photo", "hard", "rough")
FIELDS = (
    "kind", "sender", "letter_date", "stage", "deadline_date", "deadline_action",
    "objection_deadline", "amount_due", "iban", "payment_reference", "appointment",
)
# A fixed "today" so the explanation text has one answer per letter.
EVAL_TODAY = date(2026, 12, 1)


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate after folding whitespace runs to one space."""
    from rapidfuzz.distance import Levenshtein

    ref = " ".join(reference.split())
    hyp = " ".join(hypothesis.split())
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(ref, hyp) / len(ref)


def letters_dir(root: Path) -> Path:
    """`samples/` holds letters/ and generated/; a plain folder of .txt + .json works too."""
    return root / "letters" if (root / "letters").is_dir() else root


def form_files(root: Path, name: str, form: str) -> list[Path]:
    letters = letters_dir(root)
    gen = root / "generated"
    if form == "txt":
        return [letters / f"{name}.txt"]
    if form in ("pdf", "scan"):
        p = gen / form / f"{name}.pdf"
        return [p] if p.exists() else []
    return sorted((gen / form).glob(f"{name}-p*.jpg"), key=lambda p: int(p.stem.rsplit("-p", 1)[1]))


def project(out: dict[str, Any]) -> dict[str, Any]:
    """The scored values of a result (or of a truth file, which uses the same keys)."""
    dl = out.get("deadline") or None
    ap = out.get("appointment") or None
    return {
        "kind": out.get("kind"),
        "sender": _norm(out.get("sender")),
        "letter_date": out.get("letter_date"),
        "stage": out.get("stage"),
        "deadline_date": dl.get("date") if dl else None,
        "deadline_action": dl.get("action") if dl else None,
        "objection_deadline": out.get("objection_deadline"),
        # a JSON number (the truth file's, or to_json()'s) back to exact cents through its digits
        "amount_due": None if out.get("amount_due") is None else cents(out["amount_due"]),
        "iban": out.get("iban"),
        "payment_reference": _digits_or(out.get("payment_reference")),
        "appointment": (ap.get("date"), ap.get("time")) if ap else None,
    }


_LEGAL_FORM = re.compile(r"[\s,]+(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|c\.?\s?v\.?)$")


def _shown(value: Any) -> str:
    """A scored value in a miss line, as the JSON shows it (an amount 297.90 as 297.9)."""
    return repr(json_number(value) if isinstance(value, Decimal) else value)


def _masked_match(want: Any, got: Any) -> bool:
    """A value the privacy rule masked (a kenmerk that holds the BSN's nine digits, issue #16)
    counts as found when every digit it still shows is the truth's."""
    if not (isinstance(want, str) and isinstance(got, str)) or "*" not in got:
        return False
    return len(want) == len(got) and all(g in ("*", w) for w, g in zip(want, got, strict=True))


def misses(truth: dict[str, Any], out: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, want, got) for every scored field where a result's JSON `out` is not the truth."""
    want, got = project(truth), project(out)
    return [(f, want[f], got[f]) for f in FIELDS
            if not (want[f] == got[f] or _masked_match(want[f], got[f]))]


def check_cases(folder: Path, options: Options) -> tuple[int, list[str]]:
    """A rules team's test cases (`cases/` in their rules folder, NAME.txt + NAME.json as the
    desk exports them, #18) through the pipeline: (cases read, one line per wrong field)."""
    from .pipeline import explain

    failures: list[str] = []
    names = names_in(folder)
    for name in names:
        truth = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        try:
            out = explain([(folder / f"{name}.txt").read_bytes()], options).to_json()
        except SnapError as exc:
            failures.append(f"{folder / name}: not read ({type(exc).__name__})")
            continue
        failures += [f"{folder / name}: {f} should be {_shown(w)}, got {_shown(g)}"
                     for f, w, g in misses(truth, out)]
    return len(names), failures


def _norm(s: str | None) -> str | None:
    """A sender's name as compared: case, spacing and a legal form ("B.V.", "N.V.") aside —
    "Loopwerk Online" and "Loopwerk Online B.V." name the same sender for the resident."""
    return _LEGAL_FORM.sub("", " ".join(s.lower().split())) if s else None


def _digits_or(s: str | None) -> str | None:
    return s.replace(" ", "").replace(".", "") if s else None


@dataclass
class FormScore:
    right: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    counted: Counter = field(default_factory=Counter)
    cers: list[float] = field(default_factory=list)
    bare_cers: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def share(self, name: str, of: Counter | None = None) -> float | None:
        n = self.counted[name]
        return (self.right if of is None else of)[name] / n if n else None

    def as_dict(self) -> dict[str, Any]:
        missing = Counter({f: self.counted[f] - self.right[f] - self.wrong[f] for f in FIELDS})
        return {
            "fields": {f: self.share(f) for f in FIELDS},
            "wrong": {f: self.share(f, self.wrong) for f in FIELDS},
            "missing": {f: self.share(f, missing) for f in FIELDS},
            "counted": dict(self.counted),
            "cer_mean": statistics.fmean(self.cers) if self.cers else None,
            "cer_median": statistics.median(self.cers) if self.cers else None,
            "cer_max": max(self.cers) if self.cers else None,
            "bare_tesseract_cer_mean": statistics.fmean(self.bare_cers) if self.bare_cers else None,
            "seconds_median": statistics.median(self.seconds) if self.seconds else None,
            "confusion": {f"{a} -> {b}": n for (a, b), n in sorted(self.confusion.items())},
            "errors": self.errors,
            "misses": dict(self.misses),
        }


def bare_tesseract(path: Path, lang: str = "nld") -> str:
    """The same image through bare single-thread `tesseract`, for comparison."""
    env = {"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        ["tesseract", str(path), "-", "-l", lang], capture_output=True, env=env, timeout=300,
        check=False,
    )
    return proc.stdout.decode("utf-8", "replace")


def score_letter(root: Path, name: str, form: str, score: FormScore, options: Options,
                 bare: bool) -> None:
    from .pipeline import explain

    files = form_files(root, name, form)
    if not files:
        score.errors.append(f"{name}: no {form} files (run `make samples`)")
        return
    truth = json.loads((letters_dir(root) / f"{name}.json").read_text(encoding="utf-8"))
    from .read.columns import split_columns

    # The reader puts a side column after the body (read/columns.py); so does the reference.
    ref_pages = [split_columns(p)[0] for p in
                 (letters_dir(root) / f"{name}.txt").read_text(encoding="utf-8").split("\f")]
    started = time.perf_counter()
    try:
        result = explain([p.read_bytes() for p in files], options)
    except SnapError as exc:
        score.errors.append(f"{name}: {type(exc).__name__}")
        for f in FIELDS:
            if project(truth)[f] is not None:
                score.counted[f] += 1
                score.misses[f].append(name)
        return
    score.seconds.append(time.perf_counter() - started)
    got = project(result.to_json())
    want = project(truth)
    for f in FIELDS:
        if want[f] is None and got[f] is None:
            continue
        score.counted[f] += 1
        if want[f] == got[f] or _masked_match(want[f], got[f]):
            score.right[f] += 1
            continue
        if got[f] is not None:
            score.wrong[f] += 1
        score.misses[f].append(f"{name}: want {_shown(want[f])} got {_shown(got[f])}")
    score.confusion[(want["kind"], got["kind"])] += 1
    if form in ("scan", "photo", "hard", "rough"):
        read = "\n".join(p.text for p in result.document.pages)
        ref = "\n".join(ref_pages)
        score.cers.append(cer(_masked_reference(ref), read))
        if bare:
            score.bare_cers.append(cer(ref, "\n".join(_bare_pages(files, form, options))))


def _bare_pages(files: list[Path], form: str, options: Options) -> list[str]:
    """Bare tesseract's text of each page: the photo files as they are; a scan PDF's pages as
    rendered for OCR (read/pdf.py), written to a temporary PNG."""
    if form != "scan":
        return [bare_tesseract(p) for p in files]
    import tempfile

    from .read.pdf import read_pdf

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            for page in read_pdf(f.read_bytes(), options.limits):
                if page.image is None:
                    continue
                png = Path(tmp) / "page.png"
                page.image.save(png)
                out.append(bare_tesseract(png))
    return out


def _masked_reference(reference: str) -> str:
    """The reference with its BSNs masked as our output masks them (and a Belastingdienst
    kenmerk the BSN can be rebuilt from), so masking is no OCR error."""
    from .fields.privacy import find_bsns, kenmerk_bsn_spans, mask

    bsns = find_bsns([reference])
    spans = [(e.start, e.end) for e in bsns + kenmerk_bsn_spans([reference], bsns)]
    return mask(reference, spans) if spans else reference


def names_in(root: Path) -> list[str]:
    return sorted(p.stem for p in letters_dir(root).glob("*.json") if p.with_suffix(".txt").exists())


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="snapdebrief eval")
    p.add_argument("root", type=Path, nargs="+",
                   help="samples folders (with letters/ and generated/, or NAME.txt + NAME.json "
                        "and generated/); several are scored as one set")
    p.add_argument("--forms", default="txt,pdf", help=f"comma list of {','.join(FORMS)}")
    p.add_argument("--only", help="only letters whose name contains this")
    p.add_argument("--json", type=Path, help="also write the figures to this file")
    p.add_argument("--min", default="", help="floors, e.g. kind=0.95,amount_due=0.9 (exit 1 below)")
    p.add_argument("--max-wrong", default="",
                   help="ceilings on given-and-wrong, e.g. amount_due=0.01 (exit 1 above)")
    p.add_argument("--bare", action="store_true",
                   help="also run bare tesseract on the scans' pages and the photos")
    p.add_argument("--misses", action="store_true", help="list every wrong field")
    p.add_argument("--rules", action="append", default=None, metavar="DIR",
                   help="a team's rule folder, read after the shipped rules/ (replaces SNAPDEBRIEF_RULES)")
    p.add_argument("--preprocess", default=",".join(Options().preprocess),
                   help="photo clean-up steps to use (read/straighten.py); '' for none")
    args = p.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    unknown = set(forms) - set(FORMS)
    if unknown:
        p.error(f"unknown form(s): {', '.join(sorted(unknown))}")
    names = [(root, n) for root in args.root for n in names_in(root)
             if not args.only or args.only in n]
    steps = tuple(x for x in args.preprocess.split(",") if x)
    # the letters are read as every door reads them (settings.py): a team's folders from --rules
    # or SNAPDEBRIEF_RULES, so its own phrasings and cases are scored with its own rules
    try:
        settings = read_settings(rules=args.rules)
    except SnapError as exc:
        p.error(exc.user_message())
    options = settings.options(today=EVAL_TODAY, workers=2, preprocess=steps)
    report: dict[str, Any] = {"letters": len(names), "forms": {}}
    for form in forms:
        score = FormScore()
        for root, name in names:
            score_letter(root, name, form, score, options, args.bare)
        report["forms"][form] = score.as_dict()
    print(format_table(report, show_misses=args.misses))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return check_floors(report, args.min, args.max_wrong)


def format_table(report: dict[str, Any], show_misses: bool = False) -> str:
    forms = list(report["forms"])
    lines = [f"{report['letters']} letters", ""]
    head = f"{'field':<20}" + "".join(f"{f:>9}" for f in forms)
    lines += [head, "-" * len(head)]
    lines += _field_rows(report, forms, "fields")
    lines += ["", "given and WRONG (the rest of a field's letters: not found)", "-" * len(head)]
    lines += _field_rows(report, forms, "wrong") + [""]
    for key, label in (("cer_mean", "CER mean"), ("cer_median", "CER median"),
                       ("cer_max", "CER max"), ("bare_tesseract_cer_mean", "bare tess. CER")):
        row = f"{label:<20}"
        for f in forms:
            v = report["forms"][f][key]
            row += f"{'—' if v is None else f'{100 * v:.2f}%':>9}"
        lines.append(row)
    row = f"{'median seconds':<20}"
    for f in forms:
        v = report["forms"][f]["seconds_median"]
        row += f"{'—' if v is None else f'{v:.2f}':>9}"
    lines.append(row)
    for f in forms:
        data = report["forms"][f]
        wrong = {k: n for k, n in data["confusion"].items() if k.split(" -> ")[0] != k.split(" -> ")[1]}
        if wrong:
            lines += ["", f"[{f}] kind confusions (truth -> got: count)"]
            lines += [f"  {k}: {n}" for k, n in wrong.items()]
        if data["errors"]:
            lines += ["", f"[{f}] not read"] + [f"  {e}" for e in data["errors"]]
        if show_misses:
            for fld, misses in data["misses"].items():
                lines += ["", f"[{f}] {fld} wrong"] + [f"  {m}" for m in misses]
    return "\n".join(lines)


def _field_rows(report: dict[str, Any], forms: list[str], key: str) -> list[str]:
    rows = []
    for fld in FIELDS:
        row = f"{fld:<20}"
        for f in forms:
            v = report["forms"][f][key][fld]
            row += f"{'—' if v is None else f'{100 * v:.1f}%':>9}"
        rows.append(row)
    return rows


def check_floors(report: dict[str, Any], floors: str, ceilings: str = "") -> int:
    failed = []
    for item in filter(None, floors.split(",")):
        name, _, value = item.partition("=")
        for form, data in report["forms"].items():
            got = data["fields"].get(name)
            if got is not None and got < float(value):
                failed.append(f"{form}: {name} {100 * got:.1f}% < floor {100 * float(value):.1f}%")
    for item in filter(None, ceilings.split(",")):
        name, _, value = item.partition("=")
        for form, data in report["forms"].items():
            got = data["wrong"].get(name)
            if got is not None and got > float(value):
                failed.append(f"{form}: {name} given and wrong {100 * got:.1f}% > ceiling "
                              f"{100 * float(value):.1f}%")
    for line in failed:
        print("BELOW FLOOR " + line, file=sys.stderr)
    return 1 if failed else 0
