"""Sample generator: renders each sample letter to the forms the pipeline must read.

Modules, in the order a letter goes through them:

- ``text``: read a letter's pages, compare texts (``page_texts``, ``words``, ``cer``).
- ``seeding``: one seeded numpy Generator per (seed, letter, page, form).
- ``pdf``: born-digital A4 PDF with a real text layer (reportlab).
- ``raster``: render PDF pages to pixels (pypdfium2).
- ``scan``: image-only PDF like an office scanner.
- ``camera``: the physics of a phone photo (table, placement, light, blur, noise, JPEG).
- ``photo``: ordinary and hard phone photos built from ``camera``.
- ``build``: one letter → all its files, with skip-if-fresh and manifest entries.
"""
