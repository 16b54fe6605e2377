"""Test cases a desk volunteer exports (#18): the letter's text with the resident's own data
replaced by consistent fakes, and the corrected truth, for a rules team's `cases/` folder.

`export.make_case(result, corrections)` builds one from the Result the app holds (nothing is
read or run again); `resident.py` decides what is the resident's, `deidentify.py` is deduce,
`fakes.py` makes the stand-ins.
"""
