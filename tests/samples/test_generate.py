"""The sample generator: every form of one small letter, real files, real readers.

One one-page letter (written here) is generated once for the module into tmp_path;
the tests then open the files with pdfplumber and Pillow as the pipeline would.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageOps

from samples import generate
from samples.gen import photo
from samples.gen.text import cer, levenshtein, page_texts, words

LETTER = """Waterschap Lage Landen
Postbus 1200
2800 BE  Gouda

Mevrouw A. Bakker
Lindelaan 4
2801 AB  Gouda

Datum              3 februari 2026
Aanslagnummer      4410.22.918

Geachte mevrouw Bakker,

Hierbij ontvangt u de aanslag waterschapsbelasting 2026 voor uw woning aan de Lindelaan 4 in Gouda. Wij hebben de bedragen hieronder voor u op een rij gezet.

Omschrijving                          Bedrag
Watersysteemheffing ingezetenen     € 98,40
Zuiveringsheffing                  € 212,16
Totaal te betalen                  € 310,56

Betaal het bedrag uiterlijk op 31 maart 2026.

Met vriendelijke groet,

Waterschap Lage Landen


Waterschap Lage Landen - Postbus 1200, 2800 BE Gouda - www.lagelanden.example
"""

FRAME_PORTRAIT = (3024, 4032)
A4_PT = (595.3, 841.9)


def _name_with(variant: str) -> str:
    """A letter name whose first hard photo gets ``variant`` (recipes follow the name)."""
    return next(
        n for n in (f"proefbrief-{i}" for i in range(200)) if variant in photo.hard_recipe(n, 1)
    )


NAME = _name_with("sideways_exif")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All four forms of the letter, generated once."""
    root = tmp_path_factory.mktemp("gen")
    (root / "letters").mkdir()
    (root / "letters" / f"{NAME}.txt").write_text(LETTER, encoding="utf-8")
    code = generate.main(
        ["--letters", str(root / "letters"), "--out", str(root / "out"), "--jobs", "1"]
    )
    assert code == 0
    return root


def _manifest(root: Path) -> dict[str, dict[str, object]]:
    return json.loads((root / "out" / "manifest.json").read_text(encoding="utf-8"))["files"]


def test_files_of_every_form(made: Path) -> None:
    out = made / "out"
    expected = {
        f"pdf/{NAME}.pdf",
        f"scan/{NAME}.pdf",
        f"photo/{NAME}-p1.jpg",
        f"hard/{NAME}-p1.jpg",
    }
    found = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} - {"manifest.json"}
    assert found == expected
    manifest = _manifest(made)
    assert set(manifest) == expected
    for rel, entry in manifest.items():
        assert entry["letter"] == NAME, rel
        assert entry["seed"] == 7, rel
        assert entry["form"] == rel.split("/")[0], rel
        assert entry["variants"], rel


def test_born_digital_pdf_has_the_letter_words_in_order(made: Path) -> None:
    with pdfplumber.open(made / "out" / "pdf" / f"{NAME}.pdf") as doc:
        assert len(doc.pages) == 1
        page = doc.pages[0]
        assert (round(page.width, 1), round(page.height, 1)) == A4_PT
        extracted = page.extract_text()
        body = [c for c in page.chars if "Bold" not in c["fontname"] and c["size"] > 9]
        fonts = {c["fontname"].split("+")[-1] for c in page.chars}
    assert words(extracted) == words(LETTER)
    assert body and all(10.0 <= c["size"] <= 11.0 for c in body)
    assert fonts <= {
        "LiberationSans",
        "LiberationSans-Bold",
        "DejaVuSans",
        "DejaVuSans-Bold",
    }


def test_amount_column_is_right_aligned(made: Path) -> None:
    """The amounts of the table end at one tab stop; the labels start at the margin."""
    with pdfplumber.open(made / "out" / "pdf" / f"{NAME}.pdf") as doc:
        found = doc.pages[0].extract_words()
    amounts = [w for w in found if w["text"] in ("98,40", "212,16", "310,56")]
    labels = [w for w in found if w["text"] in ("Watersysteemheffing", "Zuiveringsheffing")]
    assert len(amounts) == 3 and len(labels) == 2
    assert max(w["x1"] for w in amounts) - min(w["x1"] for w in amounts) < 0.5
    assert abs(labels[0]["x0"] - labels[1]["x0"]) < 0.5
    assert min(w["x0"] for w in amounts) > labels[0]["x1"] + 50


def test_scan_pdf_is_image_only_at_200_dpi(made: Path) -> None:
    with pdfplumber.open(made / "out" / "scan" / f"{NAME}.pdf") as doc:
        assert len(doc.pages) == 1
        page = doc.pages[0]
        assert page.chars == []
        assert (page.extract_text() or "").strip() == ""
        assert len(page.images) == 1
        width_px, height_px = page.images[0]["srcsize"]
        width_in = float(page.width) / 72
    assert round(width_px / width_in) == 200
    assert height_px > width_px


@pytest.mark.parametrize(
    "form", [pytest.param("photo", id="ordinary"), pytest.param("hard", id="hard")]
)
def test_photos_are_12_megapixel_jpegs(made: Path, form: str) -> None:
    path = made / "out" / form / f"{NAME}-p1.jpg"
    with Image.open(path) as im:
        assert im.format == "JPEG"
        assert im.width * im.height == FRAME_PORTRAIT[0] * FRAME_PORTRAIT[1]
        assert im.mode == "RGB"


def test_sideways_photo_with_exif_tag_shows_upright(made: Path) -> None:
    entry = _manifest(made)[f"hard/{NAME}-p1.jpg"]
    assert "sideways_exif" in entry["variants"]
    with Image.open(made / "out" / "hard" / f"{NAME}-p1.jpg") as im:
        orientation = im.getexif().get(0x0112)
        assert orientation in (6, 8)
        assert im.size == FRAME_PORTRAIT[::-1]  # stored landscape, as the sensor saw it
        upright = ImageOps.exif_transpose(im)
    assert upright.size == FRAME_PORTRAIT


def test_ordinary_photo_has_no_orientation_tag(made: Path) -> None:
    with Image.open(made / "out" / "photo" / f"{NAME}-p1.jpg") as im:
        assert im.getexif().get(0x0112) is None
        assert im.size == FRAME_PORTRAIT


def test_second_run_keeps_fresh_files(made: Path) -> None:
    out = made / "out"
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.jpg")}
    assert (
        generate.main(["--letters", str(made / "letters"), "--out", str(out), "--jobs", "1"]) == 0
    )
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.jpg")} == before
    assert set(_manifest(made)) == {
        f"pdf/{NAME}.pdf",
        f"scan/{NAME}.pdf",
        f"photo/{NAME}-p1.jpg",
        f"hard/{NAME}-p1.jpg",
    }


def test_same_seed_same_photo_bytes_other_seed_differs(made: Path, tmp_path: Path) -> None:
    letters = str(made / "letters")
    first = (made / "out" / "photo" / f"{NAME}-p1.jpg").read_bytes()
    args = ["--letters", letters, "--forms", "photo", "--only", NAME, "--jobs", "1"]
    assert generate.main([*args, "--out", str(tmp_path / "same")]) == 0
    assert (tmp_path / "same" / "photo" / f"{NAME}-p1.jpg").read_bytes() == first
    assert generate.main([*args, "--out", str(tmp_path / "other"), "--seed", "8"]) == 0
    assert (tmp_path / "other" / "photo" / f"{NAME}-p1.jpg").read_bytes() != first


def test_hard_recipes_cover_both_sideways_kinds() -> None:
    variants = {v for recipe in photo.HARD_RECIPES for v in recipe}
    assert variants == set(photo.VARIANTS)
    assert photo.hard_recipe("x", 1) == photo.hard_recipe("x", 1 + len(photo.HARD_RECIPES))
    assert photo.hard_recipe("x", 1) != photo.hard_recipe("x", 2)


@pytest.mark.parametrize(
    ("reference", "hypothesis", "expected"),
    [
        pytest.param("Betaal vóór 9 april", "Betaal vóór 9 april", 0.0, id="identical"),
        pytest.param("kitten", "sitting", 3 / 6, id="kitten-sitting"),
        pytest.param("a  b\n\n c ", " a b c", 0.0, id="whitespace-runs-normalised"),
        pytest.param("€ 12,50", "E 12,50", 1 / 7, id="euro-misread"),
        pytest.param("€ 12,50", "€ 12.50", 1 / 7, id="decimal-comma-misread"),
        pytest.param("abc", "", 1.0, id="nothing-read"),
        pytest.param("ab", "abxyz", 3 / 2, id="longer-hypothesis-exceeds-one"),
        pytest.param("", "", 0.0, id="both-empty"),
        pytest.param("", "x", 1.0, id="empty-reference"),
    ],
)
def test_cer(reference: str, hypothesis: str, expected: float) -> None:
    assert cer(reference, hypothesis) == pytest.approx(expected)


def _naive_levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        cur = [i]
        for j, y in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("aanmaning", "aanrnaning", id="m-read-as-rn"),
        pytest.param("NL86 INGB 0002 4455 88", "NL86 1NGB 0002 445588", id="iban-misread"),
        pytest.param("x" * 70, "x" * 69 + "y", id="beyond-64-bits"),
        pytest.param("€ 1.219", "", id="empty-side"),
        pytest.param("abcdef" * 20, "badcfe" * 21, id="transpositions-longer"),
    ],
)
def test_levenshtein_equals_plain_dynamic_programme(a: str, b: str) -> None:
    assert levenshtein(a, b) == levenshtein(b, a) == _naive_levenshtein(a, b)


def test_levenshtein_on_long_pages_matches_edits() -> None:
    ref = ("Betaal het bedrag van € 430,00 uiterlijk op 30 april 2026. " * 90)[:5000]
    hyp = ref.replace("€", "E").replace("30 april", "3O april")
    edits = ref.count("€") + ref.count("30 april")
    assert levenshtein(ref, hyp) == edits
    assert cer(ref, hyp) == pytest.approx(edits / len(ref.strip()))


def test_page_texts_split_on_form_feed(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("pagina een\n\fpagina twee\n\f\n", encoding="utf-8")
    assert page_texts(path) == ["pagina een\n", "pagina twee\n"]
    path.write_text("alleen een pagina\n", encoding="utf-8")
    assert page_texts(path) == ["alleen een pagina\n"]


def test_pdf_page_count_follows_form_feeds_and_overflow(tmp_path: Path) -> None:
    from samples.gen import pdf as pdfgen
    from samples.gen.seeding import rng_for

    style = pdfgen.choose_style(rng_for(7, "x", 0, "pdf"))
    two = ["Eerste pagina\n", "Tweede pagina\n"]
    data, info = pdfgen.layout_pdf(two, style)
    assert info["pages"] == 2
    assert info["page_map"] == [1, 2]
    long_page = ["\n".join(f"Regel {i} van een lange brief." for i in range(150))]
    data, info = pdfgen.layout_pdf(long_page, style)
    assert info["pages"] > 1
    assert info["page_map"] == [1] * info["pages"]  # every PDF page shows .txt page 1
    with pdfplumber.open(io.BytesIO(data)) as doc:
        text = "\n".join(p.extract_text() for p in doc.pages)
    assert words(text) == words(long_page[0])


LETTERS = sorted((Path(__file__).resolve().parents[2] / "samples" / "letters").glob("*.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("txt", [pytest.param(p, id=p.stem) for p in LETTERS])
def test_every_sample_letter_typesets_with_its_words_in_order(txt: Path) -> None:
    """Each real sample letter: the born-digital text layer gives back the .txt words."""
    from samples.gen import pdf as pdfgen
    from samples.gen.seeding import rng_for

    pages = page_texts(txt)
    data, info = pdfgen.layout_pdf(pages, pdfgen.choose_style(rng_for(7, txt.stem, 0, "pdf")))
    with pdfplumber.open(io.BytesIO(data)) as doc:
        assert len(doc.pages) == info["pages"] >= len(pages)
        text = "\n".join(p.extract_text() for p in doc.pages)
    assert words(text) == words("\n".join(pages))


def test_eval_masks_the_reference_as_the_output_is_masked() -> None:
    """Masking a BSN (and a kenmerk it can be rebuilt from) is no OCR error: read as plain
    text, a letter scores CER 0 against its masked reference."""
    from snapdebrief.evaluate import EVAL_TODAY, _masked_reference, letters_dir
    from snapdebrief.evaluate import cer as eval_cer
    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    ref = (letters_dir(Path("samples")) / "belasting-aanmaning-01-ib-2024.txt").read_text(encoding="utf-8")
    masked = _masked_reference(ref)
    assert "Betalingskenmerk **** **** **** *001" in " ".join(masked.split())  # BSN digits in it
    text = "\n".join(p.text for p in explain([ref.encode()], Options(today=EVAL_TODAY)).document.pages)
    assert eval_cer(masked, text) == 0.0
