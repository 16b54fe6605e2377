"""Every nasty input of README.md, made by the test, through the CLI and through pipeline.explain.

Each one ends in a clear Dutch message with exit 2, or in an answer (with a warning where the
answer is only a best effort). Never a traceback, never unbounded memory or time, nothing left
on disk (see conftest.py: the CLI runs with a fresh HOME and TMPDIR and a 1.5 GiB memory cap).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from snapdebrief import errors
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.read import text as text_checks

from ..conftest import LETTER, TODAY
from . import makers as m


@dataclass(frozen=True)
class Refused:
    error: type[errors.SnapError]


@dataclass(frozen=True)
class Answer:
    kind: str | None = None  # None: any kind
    warning: str | None = None  # a warning that must be among the result's warnings
    check: Callable[[dict], None] | None = None  # more checks on the JSON


@dataclass(frozen=True)
class NewPhotoOrAnswer:
    """A photo at the edge of readable: the Dutch 'Maak een nieuwe foto', or a correct answer."""

    kind: str


def _pages(n: int) -> Callable[[dict], None]:
    def check(out: dict) -> None:
        assert out["source"]["pages"] == n

    return check


def _no_controls(out: dict) -> None:
    dumped = json.dumps(out, ensure_ascii=False)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in out["text"] if ch not in "\n\t\f")
    assert "\x1b" not in dumped and "\x9b" not in dumped and "\x07" not in dumped


def _no_bidi(out: dict) -> None:
    assert not set(json.dumps(out, ensure_ascii=False)) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "NL86 INGB 0002 4455 88" in out["text"]


def _latin_title(out: dict) -> None:
    assert "Eerste aanmaning" in out["text"] and "\u0430" not in out["text"]
    assert out["stage"] == "aanmaning"


def _html_kept_as_text(out: dict) -> None:
    assert m.HTML_MARKDOWN in out["text"]  # plain text, unchanged; no door renders it


def _ocr(out: dict) -> None:
    assert out["source"]["methods"] == ["ocr"]


def _first_frame_only(out: dict) -> None:
    assert out["source"]["pages"] == 1
    assert "Gemeente Amsterdam" not in out["text"]


CASES = [
    # --- empty and misnamed
    pytest.param(lambda: b"", "brief.jpg", Refused(errors.EmptyFileError), id="empty-zero-bytes"),
    pytest.param(lambda: b" \n\t \r\n", "brief.txt", Refused(errors.EmptyFileError), id="only-whitespace"),
    pytest.param(m.pdf_of, "brief.jpg", Answer("cjib-aanmaning"), id="pdf-named-jpg"),
    pytest.param(m.jpeg, "brief.pdf", Answer("cjib-aanmaning", check=_ocr), id="jpeg-named-pdf"),
    pytest.param(lambda: LETTER.encode(), "foto.png", Answer("cjib-aanmaning"), id="text-named-png"),
    pytest.param(m.random_bytes, "brief.txt", Refused(errors.UnsupportedFormatError), id="random-bytes-named-txt"),
    pytest.param(m.utf16_text, "brief.txt", Answer("cjib-aanmaning"), id="text-utf16-notepad"),
    # --- broken and oversized images
    pytest.param(lambda: m.truncated(m.jpeg()), "brief.jpg", Refused(errors.BrokenFileError), id="truncated-jpeg"),
    pytest.param(lambda: m.truncated(m.png()), "brief.png", Refused(errors.BrokenFileError), id="truncated-png"),
    pytest.param(m.png_bomb, "bom.png", Refused(errors.ImageTooLargeError), id="png-bomb-900mp"),
    pytest.param(m.jpeg_huge_header, "bom.jpg", Refused(errors.ImageTooLargeError), id="jpeg-header-65000px"),
    pytest.param(m.gif_huge_header, "bom.gif", Refused(errors.ImageTooLargeError), id="gif-header-65535px"),
    pytest.param(m.tiff_many_frames, "scan.tif", Refused(errors.TooManyPagesError), id="tiff-40-frames"),
    # --- odd but fine images
    pytest.param(m.animated_gif, "brief.gif", Answer("cjib-aanmaning", check=_first_frame_only), id="animated-gif"),
    pytest.param(m.cmyk_jpeg, "brief.jpg", Answer("cjib-aanmaning"), id="cmyk-jpeg"),
    pytest.param(m.png_16bit, "brief.png", Answer("cjib-aanmaning"), id="png-16-bit"),
    pytest.param(m.exif_rotated, "brief.jpg", Answer("cjib-aanmaning"), id="exif-rotated"),
    pytest.param(m.upside_down, "brief.jpg", Answer("cjib-aanmaning"), id="upside-down"),
    pytest.param(m.heic, "IMG_0001.HEIC", Answer("cjib-aanmaning", check=_ocr), id="heic"),
    # --- photos without a readable letter
    pytest.param(m.blank_page, "leeg.png", Refused(errors.NoTextFoundError), id="blank-page"),
    pytest.param(m.dark_photo, "donker.jpg", NewPhotoOrAnswer("cjib-aanmaning"), id="very-dark-photo"),
    pytest.param(m.noise_photo, "ruis.jpg", Refused(errors.NoTextFoundError), id="noise-no-text"),
    pytest.param(m.cat_drawing, "kat.jpg", Refused(errors.NoTextFoundError), id="cat-no-text"),
    pytest.param(m.two_letters_one_photo, "twee.jpg", Answer(warning=text_checks.SEVERAL_LETTERS),
                 id="two-letters-one-photo"),
    # --- PDFs
    pytest.param(lambda: m.encrypted_pdf("geheim"), "beveiligd.pdf", Refused(errors.EncryptedPdfError),
                 id="pdf-user-password"),
    pytest.param(lambda: m.encrypted_pdf(""), "beveiligd.pdf", Answer("cjib-aanmaning"), id="pdf-owner-password-only"),
    pytest.param(m.many_pages_pdf, "dik.pdf", Refused(errors.TooManyPagesError), id="pdf-500-pages"),
    pytest.param(m.flate_bomb_pdf, "bom.pdf", Refused(errors.PdfTooComplexError), id="pdf-flate-bomb-1gb"),
    pytest.param(m.flate_bomb_nested_pdf, "bom.pdf", Refused(errors.PdfTooComplexError),
                 id="pdf-flate-bomb-nested-hex"),
    pytest.param(m.pdf_image_bomb, "bom.pdf", Refused(errors.PdfTooComplexError), id="pdf-image-bomb-1.6gp"),
    pytest.param(m.runlength_bomb_pdf, "bom.pdf", Refused(errors.PdfTooComplexError),
                 id="pdf-runlength-bomb-256mb"),
    pytest.param(m.lzw_bomb_pdf, "bom.pdf", Refused(errors.PdfTooComplexError), id="pdf-lzw-bomb-1gb"),
    pytest.param(lambda: m.flate_bomb_pdf(4 << 20), "zwaar.pdf", Answer("cjib-aanmaning"),
                 id="pdf-4mb-content-read-by-pdfium"),
    pytest.param(m.javascript_pdf, "js.pdf", Answer("cjib-aanmaning"), id="pdf-javascript-openaction"),
    pytest.param(m.broken_xref_pdf, "kapot.pdf", Answer("cjib-aanmaning"), id="pdf-broken-xref"),
    pytest.param(lambda: m.truncated(m.pdf_of(), 0.6), "half.pdf", Refused(errors.BrokenFileError), id="pdf-truncated"),
    pytest.param(m.pdf_zero_size_page, "leeg.pdf", Refused(errors.NoTextFoundError), id="pdf-zero-size-page"),
    pytest.param(m.image_only_pdf, "scan.pdf", Answer("cjib-aanmaning", check=_ocr), id="pdf-only-images"),
    # --- text
    pytest.param(m.big_text, "lang.txt", Answer("cjib-aanmaning", warning="De brief is heel lang"), id="text-1mb"),
    pytest.param(m.with_controls, "brief.txt", Answer("cjib-aanmaning", check=_no_controls), id="text-control-chars"),
    pytest.param(m.with_homoglyphs, "brief.txt", Answer("cjib-aanmaning", check=_latin_title), id="text-homoglyphs"),
    pytest.param(m.with_rtl_override, "brief.txt", Answer("cjib-aanmaning", check=_no_bidi), id="text-rtl-override"),
    pytest.param(m.with_html_markdown, "brief.txt", Answer("cjib-aanmaning", check=_html_kept_as_text),
                 id="text-html-markdown"),
    pytest.param(lambda: m.ENGLISH.encode(), "letter.txt", Answer("overig", warning=text_checks.NOT_DUTCH),
                 id="letter-in-english"),
    pytest.param(lambda: m.TURKISH.encode(), "mektup.txt", Answer("overig", warning=text_checks.NOT_DUTCH),
                 id="letter-in-turkish"),
]


def _without_seconds(out: dict) -> dict:
    return {**out, "source": {**out["source"], "seconds": None}}


@pytest.mark.parametrize(("make", "name", "expect"), CASES)
def test_bad_input(make, name: str, expect, cli) -> None:
    data = make()
    options = Options(today=TODAY)
    try:
        result = explain([data], options)
    except errors.SnapError as exc:
        result, error = None, exc
    else:
        error = None

    if isinstance(expect, Refused):
        assert error is not None, f"expected {expect.error.__name__}, got an answer"
        assert isinstance(error, expect.error), type(error)
        assert error.exit_code == errors.ExitCode.BAD_INPUT
        run = cli(data, name, "--json")
        assert run.code == 2 and run.stdout == ""
        assert run.stderr.strip() == error.user_message()
        return

    if isinstance(expect, NewPhotoOrAnswer):
        if error is not None:
            assert isinstance(error, errors.NoTextFoundError), type(error)
            assert error.user_message().startswith("Maak een nieuwe foto")
            run = cli(data, name, "--json")
            assert run.code == 2 and run.stderr.strip() == error.user_message()
            return
        expect = Answer(expect.kind)

    assert error is None, f"expected an answer, got {type(error).__name__}: {error.user_message()}"
    out = result.to_json()
    if expect.kind is not None:
        assert out["kind"] == expect.kind
    if expect.warning is not None:
        assert any(expect.warning in w for w in out["warnings"]), out["warnings"]
    if expect.check is not None:
        expect.check(out)
    run = cli(data, name, "--json")
    assert run.code == 0, run.stderr
    assert _without_seconds(run.json()) == _without_seconds(out)  # both doors give one answer


def test_500_page_pdf_is_refused_before_any_page_is_parsed(monkeypatch) -> None:
    """The page count comes from the page tree: no text layer is read, no page rendered."""
    import pdfplumber
    import pypdfium2

    def must_not_run(*args, **kwargs):
        raise AssertionError("a page was parsed")

    monkeypatch.setattr(pdfplumber, "open", must_not_run)
    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", must_not_run)
    monkeypatch.setattr(pypdfium2.PdfPage, "render", must_not_run)
    with pytest.raises(errors.TooManyPagesError) as info:
        explain([m.many_pages_pdf()], Options(today=TODAY))
    assert info.value.details == {"pages": 500, "limit": 20}


@pytest.mark.parametrize(
    ("size", "refused"),
    [
        pytest.param(1 << 30, True, id="1gib-zeros"),
        pytest.param(40 << 20, True, id="40mib-content-over-32"),
        pytest.param(30 << 20, False, id="30mib-content-under-32"),
        pytest.param(1 << 20, False, id="1mib-content"),
    ],
)
def test_inflate_check_counts_without_keeping(size: int, refused: bool) -> None:
    from snapdebrief.read.pdf import PARSED_MAX_BYTES, check_streams

    data = m.flate_bomb_pdf(size)
    if refused:
        with pytest.raises(errors.PdfTooComplexError) as info:
            check_streams(data, Options().limits.max_unpacked_bytes)
        assert info.value.details["parsed"] > PARSED_MAX_BYTES
    else:
        sizes = check_streams(data, Options().limits.max_unpacked_bytes)
        assert sizes.parsed >= size


def test_text_output_has_no_terminal_escapes(cli) -> None:
    run = cli(m.with_controls(), "brief.txt")
    assert run.code == 0
    assert not any(ord(ch) < 32 and ch not in "\n" for ch in run.stdout)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in run.stdout)


def test_file_name_with_escape_codes_is_printed_clean(tmp_path) -> None:
    import contextlib
    import io

    from snapdebrief.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["explain", str(tmp_path / "weg\x1b[2J.pdf")])
    assert code == 2
    assert "\x1b" not in err.getvalue() and "weg?[2J.pdf" in err.getvalue()
