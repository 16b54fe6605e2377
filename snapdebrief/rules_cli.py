"""`snapdebrief rules check|test|explain`: the rule author's door to rules/ (wired by cli.py).

Exit codes: 0 all fine; 1 examples fail, a pattern id is unused or a test case in a rule
folder's `cases/` comes out wrong (`test`); 2 a rule file is broken or the input cannot be read
(the RuleFileError's own exit code).
Extra rule folders: `--rules DIR` (repeatable, several folders separated by os.pathsep) or,
without it, SNAPDEBRIEF_RULES, as at every door (settings.py: the flag replaces the variable);
the environment is read there, never by the library.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from .classify import explain_text, run_examples
from .errors import ExitCode, RuleFileError
from .phrasings import (
    amount_label_files,
    date_label_files,
    deadline_cue_files,
    load_amount_labels,
    load_date_labels,
    load_deadline_cues,
    load_reference_labels,
    reference_label_files,
    run_amount_label_examples,
    run_cue_examples,
    run_label_examples,
    run_reference_label_examples,
)
from .rules import RuleSet, load_rules, pattern_ids
from .settings import ENV_RULES, Settings, read_settings

__all__ = ["ENV_RULES", "main", "rules_dirs"]
# A rule folder's test cases: NAME.txt + NAME.json, as the desk exports them (#18).
CASES = "cases"


def rules_dirs(cli_dirs: Sequence[str] | None, environ: Mapping[str, str] | None = None) -> list[Path]:
    """Extra rule folders: the --rules options when given, else SNAPDEBRIEF_RULES (settings.py)."""
    return list(read_settings(environ, rules=cli_dirs).rules_dirs)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="snapdebrief rules", description="Check, test and try the letter rules in rules/."
    )
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--rules",
        action="append",
        metavar="DIR",
        help="an extra rules folder, read after the shipped one (may be repeated; "
             "replaces SNAPDEBRIEF_RULES)",
    )
    sub.add_parser("check", parents=[common], help="load every rule file and report problems")
    sub.add_parser("test", parents=[common], help="run every example in every rule file")
    ex = sub.add_parser("explain", parents=[common], help="show how a letter is scored")
    ex.add_argument("files", metavar="FILE", nargs="+",
                    help="the letter: a photo, PDF or text file (several files = its pages)")
    return p


def main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None,
         environ: Mapping[str, str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    settings = read_settings(environ, rules=args.rules)
    try:
        rules = load_rules(settings.rules_dirs)
    except RuleFileError as e:
        print(f"rule error: {e.message}", file=err)
        return int(e.exit_code)
    if args.command == "check":
        try:
            data = _check_data_files(rules.dirs)
        except RuleFileError as e:
            print(f"rule error: {e.message}", file=err)
            return int(e.exit_code)
        return _check(rules, out, data)
    if args.command == "test":
        return _test(rules, settings, out)
    return _explain([Path(f) for f in args.files], rules, settings, out, err)


def _check_data_files(dirs: Sequence[Path] = ()) -> list[tuple[str, Path]]:
    """The shipped data files besides the kinds, each read by its own stage's loader (all of
    them through yaml_files), so `rules check` refuses a broken one as it does a kind."""
    from .explainers.help import HELP_DIR, load_help
    from .explainers.incasso import wik_file, wik_scale
    from .fields.calendar import HOLIDAYS_FILE, decree_days
    from .fields.sender import SENDERS_FILE, load_senders
    from .readability import WOORDEN_PATH, load_woorden

    out: list[tuple[str, Path]] = []
    labels = load_date_labels(dirs)
    out.append((f"date labels ({len(labels.labels)})", date_label_files(dirs)[-1]))
    amount_labels = load_amount_labels(dirs)
    out.append((f"amount labels ({len(amount_labels.labels)})", amount_label_files(dirs)[-1]))
    cues = load_deadline_cues(dirs)
    out.append((f"deadline cues ({len(cues.cues) + len(cues.meetings)})", deadline_cue_files(dirs)[-1]))
    refs = load_reference_labels(dirs)
    out.append((f"reference labels ({len(refs.labels)})", reference_label_files(dirs)[-1]))
    from .phrasings.amount_tags import amount_tag_files, load_amount_tags
    from .phrasings.letter_facts import letter_fact_files, load_letter_facts

    facts = load_letter_facts(dirs)
    out.append((f"letter facts ({len(facts.facts)})", letter_fact_files(dirs)[-1]))
    tags = load_amount_tags(dirs)
    out.append((f"amount tags ({len(tags.tags)})", amount_tag_files(dirs)[-1]))
    from .phrasings.term_words import load_term_words, term_word_files

    words = load_term_words(dirs)
    out.append((f"term words ({len(words.labels)})", term_word_files(dirs)[-1]))
    load_senders(SENDERS_FILE)
    out.append(("senders", SENDERS_FILE))
    load_woorden(WOORDEN_PATH)
    out.append(("hard words", Path(WOORDEN_PATH)))
    for f in sorted(HELP_DIR.glob("*.yaml")):
        load_help(f.stem)
        out.append((f"help {f.stem}", f))
    decree_days(HOLIDAYS_FILE)
    out.append(("holidays", HOLIDAYS_FILE))
    wik_scale()
    out.append(("WIK scale", wik_file()))
    out += _check_languages(dirs)
    return out


def _check_languages(dirs: Sequence[Path]) -> list[tuple[str, Path]]:
    """Every language's translation files, checked against the Dutch (lang/files.py); what has
    no translation yet is no error (the answer shows the Dutch and says so), only counted."""
    from .lang.files import LANG_FOLDER, MESSAGES_FILE, languages_with_files, load_catalog
    from .resources import rules_dir

    load_catalog("nl", dirs)
    out = [("messages nl", rules_dir() / LANG_FOLDER / "nl" / MESSAGES_FILE)]
    for lang in languages_with_files(dirs):
        catalog = load_catalog(lang, dirs)
        n = len(catalog.missing)
        out.append((f"language {lang} ({catalog.kinds} kinds, {n} texts in Dutch)",
                    rules_dir() / LANG_FOLDER / lang))
    from .lang.plain import load_plain, plain_file

    for lang in languages_with_files():
        if plain_file(lang).is_file():
            rules = load_plain(lang)
            out.append((f"plain-language limits {lang} ({len(rules.hard_words)} hard words)",
                        plain_file(lang)))
    from .ui.words import check_all

    return out + check_all(dirs)


def _check(rules: RuleSet, out: TextIO, data: Sequence[tuple[str, Path]] = ()) -> int:
    for name, path in data:
        print(f"ok  {name:<28} {'':>12}  {path}", file=out)
    for rule in rules.kinds.values():
        n = sum(1 for _ in pattern_ids(rule))
        path = rules.file_of(rule.id)
        print(f"ok  {rule.id:<28} {n:>3} patterns  {path}", file=out)
    print(
        f"{len(rules.kinds)} kinds from {len(rules.dirs)} folder(s): all files are valid.", file=out
    )
    return int(ExitCode.OK)


def _label_report(family: str, labels: Sequence[Any], run: tuple[int, Sequence[Any]],
                  out: TextIO, found: str = "date") -> int:
    """Print one phrasing family's example failures and its count line; return the failures.
    `found` is what the finder reports ("date", "amount") when it finds none."""
    n, failures = run
    for f in failures:
        why = (f"should be {f.label.role}, got {f.got or 'no ' + found}" if f.got != f.label.role
               else "its own regex does not stand in the example")
        print(f"FAIL {f.label.path}:{f.label.line}: {family} '{f.label.id}' example {why}", file=out)
        print(f"     {_one_line(f.example)}", file=out)
    print(f"{n} {family} examples in {len(labels)} {family}s: "
          + ("all pass." if not failures else f"{len(failures)} failed."), file=out)
    return len(failures)


def _fact_report(rules: RuleSet, out: TextIO) -> int:
    """The examples of the families whose items a letter holds or not, letter facts
    (rules/phrasings/letter-facts.yaml), amount tags (amount-tags.yaml) and kind cues
    (kind-cues.yaml): each example must hold its item, each not_example must not."""
    from .phrasings.amount_tags import load_amount_tags, run_amount_tag_examples
    from .phrasings.kind_cues import load_kind_cues, run_kind_cue_examples
    from .phrasings.letter_facts import load_letter_facts, run_letter_fact_examples

    facts = load_letter_facts(rules.dirs)
    tags = load_amount_tags(rules.dirs)
    kind_cues = load_kind_cues(rules.dirs)
    bad = 0
    for family, items, (n, failures) in (
            ("letter fact", facts.facts, run_letter_fact_examples(facts)),
            ("amount tag", tags.tags, run_amount_tag_examples(tags)),
            ("kind cue", kind_cues.cues, run_kind_cue_examples(kind_cues))):
        for f in failures:
            why = "does not hold it" if f.got is None else "holds it, but must not (not_examples)"
            print(f"FAIL {f.label.path}:{f.label.line}: {family} '{f.label.id}' example {why}", file=out)
            print(f"     {_one_line(f.example)}", file=out)
        print(f"{n} {family} examples in {len(items)} {family}s: "
              + ("all pass." if not failures else f"{len(failures)} failed."), file=out)
        bad += len(failures)
    return bad


def _test(rules: RuleSet, settings: Settings, out: TextIO) -> int:
    labels = load_date_labels(rules.dirs)
    date_failures = _label_report("date label", labels.labels, run_label_examples(labels), out)
    amount_labels = load_amount_labels(rules.dirs)
    amount_failures = _label_report("amount label", amount_labels.labels,
                                    run_amount_label_examples(amount_labels), out, "amount")
    cues = load_deadline_cues(rules.dirs)
    cue_failures = _label_report("deadline cue", cues.cues + cues.meetings, run_cue_examples(cues), out)
    refs = load_reference_labels(rules.dirs)
    ref_failures = _label_report("reference label", refs.labels, run_reference_label_examples(refs), out,
                                 "number")
    from .phrasings.term_words import load_term_words, run_term_word_examples

    words = load_term_words(rules.dirs)
    word_failures = _label_report("term word", words.labels, run_term_word_examples(words), out, "term")
    label_failures = (date_failures + amount_failures + cue_failures + ref_failures + word_failures
                      + _fact_report(rules, out))
    report = run_examples(rules)
    for f in report.failures:
        want = f"should be {f.kind}" if f.expect == "match" else f"should NOT be {f.kind}"
        top = ", ".join(f"{k} {s:g}" for k, s in f.scores[:3]) or "no kind scored"
        print(f"FAIL {rules.file_of(f.kind)}: example {want}, got {f.got} ({top})", file=out)
        print(f"     {_one_line(f.text)}", file=out)
    for kind, pid in report.unused:
        print(
            f"UNUSED {rules.file_of(kind)}: '{pid}' is hit by none of this file's examples "
            "— add an example that shows it, or remove it",
            file=out,
        )
    case_failures = _cases(rules, settings, out)
    bad = len(report.failures) + len(report.unused) + label_failures + case_failures
    print(
        f"{report.checked} examples in {len(rules.kinds)} kinds: "
        + (
            "all pass."
            if not bad
            else f"{len(report.failures)} failed, {len(report.unused)} unused."
        ),
        file=out,
    )
    return int(ExitCode.OK) if not bad else int(ExitCode.BUG)


def _cases(rules: RuleSet, settings: Settings, out: TextIO) -> int:
    """The test cases in each rule folder's `cases/` (exported in desk mode, #18): every scored
    field must come out as its truth file says. Returns the failures."""
    from .evaluate import EVAL_TODAY, check_cases

    folders = [d / CASES for d in rules.dirs if (d / CASES).is_dir()]
    if not folders:
        return 0
    options = dataclasses.replace(settings.options(today=EVAL_TODAY, workers=1),
                                  rules_dirs=tuple(rules.dirs))
    total, failures = 0, []
    for folder in folders:
        n, wrong = check_cases(folder, options)
        total += n
        failures += wrong
    for line in failures:
        print(f"FAIL {line}", file=out)
    print(f"{total} cases in {len(folders)} cases folder(s): "
          + ("all pass." if not failures else f"{len(failures)} fields wrong."), file=out)
    return len(failures)


def _explain(paths: list[Path], rules: RuleSet, settings: Settings, out: TextIO,
             err: TextIO) -> int:
    """Read the letter as `snapdebrief explain` does (the same file loader, limits and Dutch
    messages; OCR for photos, the text layer of a PDF), then print every kind's score on it.
    BSNs are masked before anything is shown."""
    from .errors import SnapError
    from .files import read_files
    from .pipeline import read_and_find

    options = dataclasses.replace(settings.options(), rules_dirs=tuple(rules.dirs))
    try:
        files = read_files(paths, options.limits)
        doc, fields = read_and_find(files, options)
    except SnapError as e:
        print(e.user_message(), file=err)
        return int(e.exit_code)
    methods = ", ".join(sorted({p.method for p in doc.pages}))
    print(f"read: {len(doc.pages)} page(s) by {methods}; sender: {fields.sender or '-'}", file=out)
    print(explain_text(doc.texts, rules, sender=fields.sender), end="", file=out)
    return int(ExitCode.OK)


def _one_line(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
