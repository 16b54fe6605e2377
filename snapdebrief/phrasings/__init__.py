"""Phrasings as rule data (#18): the words the finders look for, read from rules/phrasings/.

Each family is one YAML file (date-labels.yaml, amount-labels.yaml, deadline-cues.yaml,
reference-labels.yaml, term-words.yaml, amount-tags.yaml, letter-facts.yaml) with labels, their regexes
and examples. A rules team adds a phrasing in its own folder's phrasings/ (SNAPDEBRIEF_RULES,
--rules) and the finder uses it with no code change: a team's labels are tried first. Every file
goes through the one strict YAML reader (yaml_files.py); `snapdebrief rules test` runs every
example through the real finder.
"""

from .amount_labels import (
    AMOUNT_LABELS_FILE,
    AmountLabel,
    AmountLabels,
    amount_label_files,
    load_amount_labels,
    run_amount_label_examples,
)
from .date_labels import (
    DATE_LABELS_FILE,
    DateLabel,
    DateLabels,
    date_label_files,
    load_date_labels,
    run_label_examples,
)
from .deadline_cues import (
    DEADLINE_CUES_FILE,
    DeadlineCue,
    DeadlineCues,
    deadline_cue_files,
    load_deadline_cues,
    run_cue_examples,
)
from .files import PHRASINGS_DIR, ExampleFailure, phrasing_files
from .reference_labels import (
    REFERENCE_LABELS_FILE,
    ReferenceLabel,
    ReferenceLabels,
    load_reference_labels,
    reference_label_files,
    run_reference_label_examples,
)

__all__ = [
    "AMOUNT_LABELS_FILE",
    "DATE_LABELS_FILE",
    "DEADLINE_CUES_FILE",
    "PHRASINGS_DIR",
    "REFERENCE_LABELS_FILE",
    "AmountLabel",
    "AmountLabels",
    "DateLabel",
    "DateLabels",
    "DeadlineCue",
    "DeadlineCues",
    "ExampleFailure",
    "ReferenceLabel",
    "ReferenceLabels",
    "amount_label_files",
    "date_label_files",
    "deadline_cue_files",
    "load_amount_labels",
    "load_date_labels",
    "load_deadline_cues",
    "load_reference_labels",
    "phrasing_files",
    "reference_label_files",
    "run_amount_label_examples",
    "run_cue_examples",
    "run_label_examples",
    "run_reference_label_examples",
]
