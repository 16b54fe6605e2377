"""End to end in a real browser: Debian's Chromium drives `streamlit run app.py`.

A photo of a CJIB aanmaning (rendered here with a TrueType font at 200 dpi, dates around today)
is uploaded through the file picker; the answer must show the kind, the deadline and the amount
that the library finds for the same photo. Screenshots go to tests/artifacts/ (gitignored), on a
desktop and on a 390 px wide phone. The browser may not call any host but the app.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from snapdebrief.ui.text import euro, long_date
from tests.conftest import render_image

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
READ_TIMEOUT_MS = 180_000  # OCR on a shared 2-core machine

pytestmark = pytest.mark.browser


def dutch(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def cjib_letter(today: date) -> str:
    sent, due = today - timedelta(days=5), today + timedelta(days=16)
    return f"""Centraal Justitieel Incassobureau
Postbus 1794
8901 CB Leeuwarden

Mevrouw A. Jansen
Javastraat 40
1094 HL Amsterdam

Datum: {dutch(sent)}
CJIB-nummer: 1062 5421 5704 7959

Betreft: Eerste aanmaning verkeersboete

Geachte mevrouw Jansen,

U heeft de boete van € 110,00 nog niet betaald. Daarom is de boete verhoogd met € 55,00.
U moet nu € 165,00 betalen.

Betaal het bedrag vóór {dutch(due)} op rekening NL86 INGB 0002 4455 88
onder vermelding van het CJIB-nummer 1062 5421 5704 7959.

Betaalt u niet op tijd? Dan wordt het bedrag opnieuw verhoogd.

Met vriendelijke groet,
Centraal Justitieel Incassobureau
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's own TMPDIR: OCR temp files must be gone at once, nothing else may appear."""
    return tmp_path_factory.mktemp("app-tmp")


@contextlib.contextmanager
def running_app(tmp: Path, **env: str) -> Iterator[str]:
    """`streamlit run app.py` on a free port with TMPDIR=tmp; yields its URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp), **env}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "streamlit"), "run", "app.py",
         "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read().decode(errors="replace"))
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def app_url(app_tmp: Path) -> Iterator[str]:
    with running_app(app_tmp) as url:
        yield url


@pytest.fixture(scope="module")
def photo() -> bytes:
    return render_image(cjib_letter(date.today()), dpi=200)


@pytest.fixture(scope="module")
def expected(photo: bytes) -> dict:
    """What the library answers for the same photo: the page must show this."""
    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    return explain([photo], Options(today=date.today())).to_json()


def open_page(p, tmp_path: Path, phone: bool):
    kwargs = {
        "user_data_dir": str(tmp_path / ("profile-phone" if phone else "profile-desktop")),
        "executable_path": CHROMIUM, "args": ARGS, "headless": True, "locale": "nl-NL",
    }
    if phone:
        kwargs.update(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                      is_mobile=True, has_touch=True)
    else:
        kwargs.update(viewport={"width": 1280, "height": 900})
    ctx = p.chromium.launch_persistent_context(**kwargs)
    return ctx, ctx.pages[0] if ctx.pages else ctx.new_page()


def full_screenshot(page, path: Path) -> None:
    """The whole app: Streamlit scrolls inside its main block, so grow the viewport to fit."""
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], "
        "[data-testid=\"stAppViewContainer\"], section.main')].map(e => e.scrollHeight), "
        "document.body.scrollHeight)")
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def upload(page, url: str, name: str, data: bytes, mime: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached",
                           timeout=60_000)
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]',
                         files=[{"name": name, "mimeType": mime, "buffer": data}])


@pytest.mark.parametrize("phone", [pytest.param(False, id="desktop"),
                                   pytest.param(True, id="phone-390px")])
def test_photo_to_answer(app_url: str, photo: bytes, expected: dict, tmp_path: Path,
                         phone: bool) -> None:
    from playwright.sync_api import sync_playwright

    deadline = date.fromisoformat(expected["deadline"]["date"]) if expected["deadline"] else None
    outside: list[str] = []
    with sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone)
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith((app_url, "data:", "blob:", "about:")) else None)
        try:
            if phone:  # the first screen a resident sees
                page.goto(app_url)
                page.get_by_role("heading", name="Snap de brief").wait_for(timeout=60_000)
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                page.wait_for_timeout(800)
                page.screenshot(path=str(ARTIFACTS / "app-start-phone.png"))
            upload(page, app_url, "brief.png", photo, "image/png")
            heading = page.get_by_role("heading", name=expected["kind_label"])
            heading.wait_for(timeout=READ_TIMEOUT_MS)
            page.get_by_text("Wat gebeurt er als je niets doet?").wait_for(timeout=30_000)
            page.wait_for_timeout(1500)  # let the last elements and fonts settle
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            name = "app-phone.png" if phone else "app-desktop.png"
            full_screenshot(page, ARTIFACTS / name)
            body = page.inner_text("body")
            if phone:
                reached = tab_through(page)
                contrast = lowest_contrast(page)
            if not phone:
                downloads = {}
                for label in ("Zet in je agenda", "Samenvatting (PDF)"):
                    with page.expect_download(timeout=30_000) as info:
                        page.get_by_role("button", name=label).click()
                    downloads[label] = Path(info.value.path()).read_bytes()
                page.get_by_text("Balie-modus").click()
                page.get_by_role("tab", name="Brief").wait_for(timeout=30_000)
                page.wait_for_selector('[data-testid="stImage"] img', timeout=60_000)
                page.wait_for_timeout(1000)
                full_screenshot(page, ARTIFACTS / "app-desk.png")
        finally:
            ctx.close()
    assert "Traceback" not in body
    assert outside == [], f"the page called other hosts: {outside}"
    assert euro(expected["amount_due"]) in body
    assert "NL86 INGB 0002 4455 88" in body
    assert expected["kind"] == "cjib-aanmaning", "the library did not classify the photo"
    assert deadline is not None and long_date(deadline) in body
    assert "1e aanmaning" in body and "je bent hier" in body
    if phone:
        for control in ("Zet in je agenda", "Samenvatting (PDF)", "Nog een brief", "tel:", "IFRAME"):
            assert any(control in r for r in reached), f"{control} not reachable by Tab: {reached}"
        assert contrast[0] >= 4.5, f"text with too little contrast (WCAG AA 4.5): {contrast}"
    if not phone:
        check_downloads(downloads, expected, deadline)


def tab_through(page, presses: int = 150) -> list[str]:
    """What the Tab key reaches, in order: tag, label/text, href (the read-aloud button sits in
    an iframe, so the page sees the IFRAME)."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen: list[str] = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(
            "() => { const e = document.activeElement; if (!e) return '';"
            " return [e.tagName, e.getAttribute('aria-label') || '', (e.innerText || '').slice(0, 40),"
            " e.getAttribute('href') || ''].join(' | '); }"))
    return list(dict.fromkeys(seen))


CONTRAST_JS = r"""
() => {
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const rgba = s => (s.match(/[\d.]+/g) || []).map(Number);
  const back = e => { for (; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3); } return [255, 255, 255]; };
  let worst = [21, ''];
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  for (const e of main.querySelectorAll('*')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.offsetParent) continue;
    const st = getComputedStyle(e); const fg = rgba(st.color);
    if (fg.length >= 4 && fg[3] < 0.5) continue;
    const [a, b] = [lum(fg.slice(0, 3)), lum(back(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst[0]) worst = [ratio, e.textContent.trim().slice(0, 40) + ' ' + st.color];
  }
  return worst;
}
"""


def lowest_contrast(page) -> tuple[float, str]:
    """The lowest WCAG contrast ratio of any visible text in the answer, and which text."""
    ratio, where = page.evaluate(CONTRAST_JS)
    return round(ratio, 2), where


def check_downloads(downloads: dict[str, bytes], expected: dict, deadline: date) -> None:
    import io

    import pdfplumber

    from .test_ics import components, parse

    event = components(parse(downloads["Zet in je agenda"]))["VEVENT"]
    assert event["DTSTART;VALUE=DATE"] == deadline.strftime("%Y%m%d")
    with pdfplumber.open(io.BytesIO(downloads["Samenvatting (PDF)"])) as pdf:
        assert len(pdf.pages) == 1
        assert expected["kind_label"] in pdf.pages[0].extract_text()


def test_arabic_answer_runs_right_to_left_on_a_phone(app_url: str, photo: bytes, expected: dict,
                                                    tmp_path: Path) -> None:
    """#20: the resident picks العربية, then uploads the photo. The answer block runs right to
    left on a 390 px phone and shows the Arabic kind label, the date and amount as the library
    writes them in Arabic, and the IBAN left to right; the page is no wider than the phone."""
    import re

    from playwright.sync_api import sync_playwright

    from snapdebrief.lang.files import load_catalog
    from snapdebrief.ui.words import BIDI_MARKS, words_for

    ar = words_for("ar")
    label = load_catalog("ar").labels[expected["kind"]]
    deadline = date.fromisoformat(expected["deadline"]["date"])

    def plain(s: str) -> str:
        return re.sub(r"\s+", " ", BIDI_MARKS.sub("", s).replace("\xa0", " "))

    with sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone=True)
        try:
            page.goto(app_url)
            page.get_by_text("العربية", exact=True).click(timeout=60_000)
            page.wait_for_timeout(1000)
            page.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached",
                                   timeout=60_000)
            page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]',
                                 files=[{"name": "brief.png", "mimeType": "image/png",
                                         "buffer": photo}])
            page.get_by_role("heading", name=label).wait_for(timeout=READ_TIMEOUT_MS)
            block = page.locator(".st-key-answer-rtl")
            block.get_by_text(ar("heading.if-you-do-nothing")).wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            full_screenshot(page, ARTIFACTS / "app-phone-ar.png")
            direction = block.evaluate("e => getComputedStyle(e).direction")
            heading = block.get_by_role("heading", name=label)
            heading_dir = heading.evaluate("e => getComputedStyle(e).direction")
            # Lines start at the right: the label's last glyph ends at the block's right edge.
            ends = heading.evaluate(
                "e => { const r = document.createRange(); r.selectNodeContents(e);"
                " const b = [...r.getClientRects()]; return [Math.max(...b.map(x => x.right)),"
                " Math.min(...b.map(x => x.left))]; }")
            edge = block.evaluate("e => e.getBoundingClientRect().right")
            iban = block.locator('[data-testid="stCode"]').first
            iban_dir = iban.evaluate("e => getComputedStyle(e.querySelector('code') || e).direction")
            iban_text = iban.inner_text()
            answer = plain(block.inner_text())
            width = page.evaluate("() => document.documentElement.scrollWidth")
            body = page.inner_text("body")
        finally:
            ctx.close()
    assert "Traceback" not in body
    assert direction == "rtl" and heading_dir == "rtl"
    assert abs(ends[0] - edge) <= 2, f"the label does not start at the right: {ends}, {edge}"
    assert iban_dir == "ltr" and "NL86 INGB 0002 4455 88" in iban_text
    assert label in answer
    assert plain(ar.date(deadline)) in answer, (ar.date(deadline), answer[:400])
    assert plain(ar.money(expected["amount_due"])) in answer
    assert plain(ar.days_left(deadline, date.today())) in answer
    for dutch in ("Wat moet je doen?", "Betalen", "Bewaren", "Zet in je agenda"):
        assert dutch not in answer, dutch
    assert width <= 390, f"the page is wider than the phone: {width}px"


@pytest.mark.parametrize("lang", ["tr", "en", "pl", "uk"])
def test_each_language_on_a_phone(app_url: str, tmp_path: Path, lang: str) -> None:
    """#20: the other languages, the letter given as text (no OCR): the picker's name, the kind
    label, the words around the answer in the language, left to right; a screenshot each."""
    from playwright.sync_api import sync_playwright

    from snapdebrief.lang import LANGUAGES
    from snapdebrief.lang.files import load_catalog
    from snapdebrief.ui.words import words_for

    w = words_for(lang)
    label = load_catalog(lang).labels["cjib-aanmaning"]
    letter = cjib_letter(date.today()).encode()
    with sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone=True)
        try:
            page.goto(app_url)
            page.get_by_text(LANGUAGES[lang], exact=True).click(timeout=60_000)
            page.wait_for_timeout(1000)
            page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]',
                                 files=[{"name": "brief.txt", "mimeType": "text/plain",
                                         "buffer": letter}])
            page.get_by_role("heading", name=label).wait_for(timeout=READ_TIMEOUT_MS)
            block = page.locator(".st-key-answer")
            block.get_by_text(w("heading.if-you-do-nothing")).wait_for(timeout=30_000)
            page.wait_for_timeout(1000)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            full_screenshot(page, ARTIFACTS / f"app-phone-{lang}.png")
            direction = block.evaluate("e => getComputedStyle(e).direction")
            answer = block.inner_text()
            buttons = [page.get_by_role("button", name=w(k)).count()
                       for k in ("save.calendar", "save.pdf")]
        finally:
            ctx.close()
    assert direction == "ltr"
    assert w("pay.heading") in answer and w("save.heading") in answer
    assert buttons == [1, 1]
    for dutch in ("Wat moet je doen?", "Bewaren", "Zet in je agenda", "geen juridisch advies"):
        assert dutch not in answer, dutch


def test_broken_file_gives_a_dutch_message(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from snapdebrief.errors import SnapError
    from snapdebrief.pipeline import explain

    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # a PNG signature and nothing after it
    with pytest.raises(SnapError) as raised:
        explain([broken])
    message = raised.value.user_message()
    with sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone=True)
        try:
            upload(page, app_url, "kapot.png", broken, "image/png")
            alert = page.locator('[data-testid="stAlert"]').filter(has_text=message)
            alert.first.wait_for(timeout=60_000)
            body = page.inner_text("body")
            assert "Traceback" not in body and "Error" not in body
        finally:
            ctx.close()


def test_broken_file_gives_the_message_in_the_chosen_language(app_url: str,
                                                               tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from snapdebrief.errors import SnapError
    from snapdebrief.pipeline import explain
    from snapdebrief.ui.words import problem_text

    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(SnapError) as raised:
        explain([broken])
    message = problem_text(raised.value.user_message(), "en")
    assert "kunnen" not in message
    with sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone=True)
        try:
            page.goto(app_url)
            page.get_by_text("English", exact=True).click(timeout=60_000)
            page.wait_for_timeout(1000)
            page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]',
                                 files=[{"name": "kapot.png", "mimeType": "image/png",
                                         "buffer": broken}])
            alert = page.locator('[data-testid="stAlert"]').filter(has_text=message)
            alert.first.wait_for(timeout=60_000)
            assert "Traceback" not in page.inner_text("body")
        finally:
            ctx.close()


def test_desk_exports_a_corrected_letter_as_a_test_case(app_url: str, tmp_path: Path) -> None:
    """#18: a volunteer corrects the amount; "Maak een testgeval" then gives a zip with the
    letter's text (the resident's data replaced) and the truth, no page image."""
    import io
    import json
    import zipfile

    from playwright.sync_api import sync_playwright

    from tests.cases.test_export import BSN, LETTER

    with sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone=False)
        try:
            upload(page, app_url, "brief.txt", LETTER.encode(), "text/plain")
            page.get_by_text("Wat gebeurt er als je niets doet?").wait_for(timeout=READ_TIMEOUT_MS)
            page.get_by_text("Balie-modus").click()
            page.get_by_role("tab", name="Verbeteren").click(timeout=30_000)
            assert page.get_by_role("button", name="Maak een testgeval").count() == 0
            amount = page.get_by_label("Bedrag te betalen (€)")
            amount.fill("300.00")
            amount.press("Enter")
            button = page.get_by_role("button", name="Maak een testgeval")
            button.wait_for(timeout=30_000)
            with page.expect_download(timeout=60_000) as info:
                button.click()
            data = Path(info.value.path()).read_bytes()
            assert info.value.suggested_filename == "testgeval-incasso-aanmaning.zip"
        finally:
            ctx.close()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(z.namelist())
        assert [n.rsplit(".", 1)[1] for n in names] == ["json", "txt"]
        text = z.read(names[1]).decode()
        truth = json.loads(z.read(names[0]))
    assert truth["amount_due"] == 300.0
    assert "Vries" not in text and BSN not in text.replace(".", "").replace(" ", "")
    assert "NL91 ABNA 0417 1643 00" in text


def test_nothing_left_on_disk(app_url: str, app_tmp: Path) -> None:
    """After the uploads above (OCR included), the app's temp folder is empty again."""
    left = [p for p in app_tmp.rglob("*") if not _forkserver_socket(p)]
    assert left == []


def _forkserver_socket(path: Path) -> bool:
    """multiprocessing's forkserver listens on a socket in TMPDIR/pymp-*/ while the app runs
    (removed when it stops, see the time-limit test): no bytes of any letter."""
    if path.is_dir():
        return path.name.startswith("pymp-")
    return path.parent.name.startswith("pymp-") and stat.S_ISSOCK(path.lstat().st_mode)


def test_a_letter_over_the_time_limit_is_stopped_with_a_dutch_message(
        photo: bytes, tmp_path: Path) -> None:
    """The app's hard limit per letter: the child reading it (and its Tesseract) is killed."""
    from playwright.sync_api import sync_playwright

    from snapdebrief.errors import TimeLimitError

    app_tmp, letters_tmp = tmp_path / "app-tmp", tmp_path / "letters-tmp"
    app_tmp.mkdir()
    letters_tmp.mkdir()
    with running_app(app_tmp, SNAPDEBRIEF_TIME_LIMIT="0.3",
                     SNAPDEBRIEF_TMPDIR=str(letters_tmp)) as url, sync_playwright() as p:
        ctx, page = open_page(p, tmp_path, phone=True)
        try:
            upload(page, url, "brief.png", photo, "image/png")
            alert = page.locator('[data-testid="stAlert"]').filter(
                has_text=TimeLimitError().user_message())
            alert.first.wait_for(timeout=60_000)
            assert "Traceback" not in page.inner_text("body")
        finally:
            ctx.close()
    assert sorted(p.name for p in app_tmp.rglob("*")) == []
    assert sorted(p.name for p in letters_tmp.rglob("*")) == []  # the letter's own folder
