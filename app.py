"""Streamlit app: a photo or PDF of a letter in, the answer in simple Dutch out.

A thin door: widgets → snapdebrief.pipeline.explain(files, Options(...)) → show the Result.
Letters stay in memory (st.session_state) and are gone when the session ends. Letter text is shown
only through st.text, st.code or escaped Markdown, never as HTML.

Tests drive the rendering with a Result: put a `Letter` in st.session_state["letters"] and its id
in st.session_state["current"] (see tests/app/test_apptest.py).

The answer's language (#20) is chosen at the top and passed to the library in Options.lang; the
answer block then follows the language the Result says it is in (ui/words.py gives the words
around it), right to left for Arabic. The rest of the app's own words stay Dutch.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from datetime import date
from pathlib import Path

import streamlit as st

from snapdebrief import isolate, logs
from snapdebrief.cases.export import make_case
from snapdebrief.errors import BUG_MESSAGE, SnapError, TimeLimitError, bug_message
from snapdebrief.lang import DUTCH, LANGUAGES
from snapdebrief.options import Options
from snapdebrief.resources import help_dir
from snapdebrief.result import Result, scrub_bsn
from snapdebrief.settings import DEFAULT_REGION, Settings, read_settings
from snapdebrief.ui import chain, text
from snapdebrief.ui.highlight import (
    crop_to_text,
    draw_boxes,
    low_confidence_spans,
    page_images,
    value_boxes,
)
from snapdebrief.ui.ics import deadline_ics
from snapdebrief.ui.session import (
    Corrections,
    Letter,
    apply_corrections,
    by_deadline,
    files_key,
    typed_amount,
)
from snapdebrief.ui.summary_pdf import summary_pdf
from snapdebrief.ui.words import Words, answer_lang, problem_text, words_for

UPLOAD_TYPES = ["jpg", "jpeg", "png", "webp", "heic", "heif", "tif", "tiff", "pdf", "txt"]
HELP_DIR = help_dir()

app_log = logging.getLogger("snapdebrief.app")

# Static CSS only (no letter text): Dutch words on the file picker, larger tap targets.
CSS = """
<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {
  content: "Kies foto of PDF"; font-size: 1.05rem; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] { min-height: 3rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "Hoogstens 20 MB per bestand. Meer pagina's? Kies ze allemaal, in de goede volgorde.";
  font-size: 0.95rem; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-borderlessIcon"]::after {
  content: "Pagina erbij"; font-size: 1rem; margin-left: 0.25rem; white-space: nowrap; }
.stDownloadButton button, .stButton button { min-height: 3rem; }
/* An answer in a right-to-left language (#20): the block runs right to left, what must be
   copied or dialled (IBAN, payment reference, phone numbers) stays left to right. */
.st-key-answer-rtl { direction: rtl; }
.st-key-answer-rtl.st-key-answer-rtl * { text-align: start; }
.st-key-answer-rtl [data-testid="stCode"], .st-key-answer-rtl pre, .st-key-answer-rtl code,
.st-key-answer-rtl a[href^="tel:"] { direction: ltr; unicode-bidi: isolate; }
.st-key-answer-rtl ol, .st-key-answer-rtl ul { padding-left: 0; padding-right: 1.5em; }
</style>
"""


# ---------------------------------------------------------------- state


def state() -> None:
    ss = st.session_state
    ss.setdefault("letters", {})  # id → Letter
    ss.setdefault("current", None)
    ss.setdefault("gen", 0)  # the uploader's generation: "Nog een brief" starts the next one


def app_settings() -> Settings:
    """The app's settings (snapdebrief/settings.py: SNAPDEBRIEF_RULES, _TIME_LIMIT, _TMPDIR,
    _BROKER, the log's), read at the start of each run of the page; a bad value stops the page
    with its Dutch message. The operator's log (one line per letter, nothing of the letter) is
    set up from them."""
    settings = read_settings()
    logs.configure(settings, default_level="INFO")
    return settings


def options(settings: Settings) -> Options:
    return settings.options(
        today=date.today(),
        region=st.session_state.get("region", DEFAULT_REGION),
        lang=chosen_lang(),  # the picker's "lang" (#20)
        keep_images=True,  # the desk view's page pictures, made once by the reader
    )


def chosen_lang() -> str:
    lang = st.session_state.get("lang")
    return lang if lang in LANGUAGES else DUTCH


def regions() -> list[str]:
    names = sorted(p.stem for p in HELP_DIR.glob("*.yaml"))
    return names or ["amsterdam"]


def wipe() -> None:
    """'Wis alles': forget every letter, every correction and the uploader's files."""
    keep = {k: st.session_state[k] for k in ("region", "desk", "lang") if k in st.session_state}
    gen = st.session_state.get("gen", 0) + 1
    st.session_state.clear()
    st.session_state.update(keep, gen=gen)  # the desk stays a desk; the letters are gone


def new_letter() -> None:
    st.session_state["gen"] = st.session_state.get("gen", 0) + 1
    st.session_state["current"] = None


# ---------------------------------------------------------------- reading


@st.cache_resource
def reading_slots() -> threading.BoundedSemaphore:
    """At most as many letters read at once as there are cores: under a crowd the first
    residents get their answer in seconds instead of everyone waiting for everyone."""
    return threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


@st.cache_resource
def reading_process(queue: bool) -> bool:
    """The forkserver every letter's child comes from: started once, warm (isolate.py).
    Not needed when the letters go to the queue's workers (SNAPDEBRIEF_BROKER)."""
    if not queue:
        isolate.prestart()
    return True


@st.cache_resource
def queue_client(_settings: Settings):
    """The queue's client (snapdebrief/service/client.py, #19), made once per app process."""
    from snapdebrief.service.client import QueueClient
    from snapdebrief.service.settings import ServiceSettings

    return QueueClient(ServiceSettings.from_settings(_settings))


def explain_letter(files: list[bytes], opts: Options, settings: Settings) -> Result:
    """With SNAPDEBRIEF_BROKER set, a worker of the queue reads the letter (#19); else a child
    of this machine's forkserver, at most as many at once as there are cores."""
    if settings.broker:
        return queue_client(settings).explain(files, opts)
    with reading_slots():
        return isolate.explain_in_child(files, opts, temp_base=settings.tmpdir)


def read_letter(files: list[bytes], names: list[str], opts: Options,
                settings: Settings) -> Letter | None:
    """The upload → Result step: explain() in a child process killed after the time limit
    (Tesseract cannot be stopped from a thread), with a progress indicator; errors in Dutch."""
    pages = "1 pagina" if len(files) == 1 else f"{len(files)} pagina's"
    problem: str | None = None
    opts = dataclasses.replace(opts, request_id=logs.new_request_id())
    with st.status(f"We lezen je brief ({pages})… Dit duurt soms een halve minuut.",
                   expanded=False) as status:
        try:
            result = explain_letter(files, opts, settings)
        except SnapError as exc:
            problem = exc.user_message()
            if isinstance(exc, TimeLimitError):  # the child was killed: it logged nothing
                logs.letter_line(request_id=opts.request_id, outcome="time-limit",
                                 error=exc.code, files=len(files),
                                 seconds=opts.limits.total_seconds)
        except Exception as exc:  # noqa: BLE001 - never a traceback with letter content on screen
            problem = bug_message(opts.request_id)
            if getattr(exc, "died", False):  # isolate.ChildCrashed: no line from the child
                logs.letter_line(request_id=opts.request_id, outcome="crash",
                                 error="child-died", files=len(files))
        status.update(label="Dit lukte niet" if problem else "Klaar! Het antwoord staat hieronder.",
                      state="error" if problem else "complete")
    if problem:  # in the resident's language where messages.yaml has it (#20)
        st.error(problem_text(problem, opts.lang), icon=":material/error:")
        return None
    return Letter(id=f"brief-{st.session_state['gen']}", files=tuple(files), names=tuple(names),
                  original=result, region=opts.region, lang=result.explanation.lang)


def upload_section(opts: Options, settings: Settings) -> None:
    gen = st.session_state["gen"]
    uploads = st.file_uploader(
        "Maak een foto van je brief of kies een PDF",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"upload-{gen}",
        help="Op je telefoon kun je hier ook meteen een foto maken. Leg de brief plat, "
             "met veel licht, en maak de foto recht van boven.",
    )
    files = [u.getvalue() for u in uploads or []]
    names = [u.name for u in uploads or []]
    if st.toggle("Foto maken in deze pagina", key=f"camera-on-{gen}"):
        st.caption("Let op: deze camera maakt kleine foto's. Lukt het lezen niet? "
                   "Gebruik dan de knop hierboven, die maakt betere foto's.")
        shot = st.camera_input("Maak een foto van de brief", key=f"camera-{gen}",
                               resolution="1080p")
        if shot is not None:
            files.append(shot.getvalue())
            names.append("camera.jpg")
    if not files:
        return
    letter_id = f"brief-{gen}"
    key = files_key(files)
    known = st.session_state["letters"].get(letter_id)
    if known is not None and files_key(known.files) == key:
        st.session_state["current"] = letter_id
        return
    letter = read_letter(files, names, opts, settings)
    if letter is not None:
        st.session_state["letters"][letter_id] = letter
        st.session_state["current"] = letter_id


# ---------------------------------------------------------------- resident view


def say(w: Words, value: str) -> str:
    """A text of the answer as escaped Markdown, numbers in groups kept in order (right to left)."""
    return text.escape_markdown(w.numbers(value))


def show_deadline(data: dict, today: date, w: Words) -> None:
    deadline = data["deadline"]
    e = data["explanation"]
    if not deadline:
        if e["deadline_text"]:
            st.info(say(w, e["deadline_text"]), icon=":material/event:")
        return
    when = date.fromisoformat(deadline["date"])
    appointment = data.get("appointment")
    at = appointment.get("time") if appointment and deadline["action"] == "attend" else None
    heading = text.escape_markdown(w.deadline_heading(deadline["action"], when, at))
    level = text.urgency(when, today)
    body = f"### :material/alarm: {heading}\n\n**{w.days_left(when, today)}**"
    if e["deadline_text"]:
        body += "\n\n" + say(w, e["deadline_text"])
    box = {"passed": st.error, "urgent": st.error, "soon": st.warning}.get(level, st.info)
    box(body)
    if appointment and appointment.get("place"):
        st.markdown(f"**{w('where')}:** " + text.escape_markdown(appointment["place"]))


def show_payment(data: dict, w: Words) -> None:
    e = data["explanation"]
    if data["amount_due"] is None and not data["iban"] and not e["amount_text"]:
        return
    st.subheader(f":material/euro: {w('pay.heading')}")
    if data["amount_due"] is not None:
        st.markdown(f"## {w.money(data['amount_due'])}")
    if e["amount_text"]:
        st.markdown(say(w, e["amount_text"]))
    if data["iban"]:
        st.markdown(f"**{text.escape_markdown(w('pay.iban'))}**")
        st.code(text.group4(data["iban"]), language=None)
    if data["payment_reference"]:
        st.markdown(f"**{text.escape_markdown(w('pay.reference'))}**")
        st.code(data["payment_reference"], language=None)
    if data["iban"] or data["payment_reference"]:
        st.caption(w("pay.copy"))


def show_ladder(data: dict, rules_dirs: tuple[Path, ...], w: Words) -> None:
    route = chain.route_of(data["kind"], rules_dirs)
    lad = chain.ladder(route, data["stage"], data.get("facts") or ())
    if lad is None:
        return
    st.subheader(f":material/location_on: {w('ladder.heading')}")
    st.caption(w.ladder_title(lad.route, lad.title))
    lines = []
    for i, step in enumerate(lad.steps):
        state = lad.state(i)
        label, means = (text.escape_markdown(x)
                        for x in w.step(lad.route, step.key, step.label, step.means))
        if state == "here":
            lines.append(f":red[:material/location_on:] :red-background[**"
                         f"{w('ladder.here', step=label)}**]  \n{means}")
        elif state == "done":
            lines.append(f":material/check_circle: {w('ladder.done', step=label)}")
        else:
            lines.append(f":material/radio_button_unchecked: **{label}**: {means}")
    st.markdown("\n\n".join(lines))
    if lad.current < len(lad.steps) - 1:
        st.caption(w("ladder.hint"))


def show_help(data: dict, w: Words) -> None:
    helps = data["explanation"]["help"]
    if not helps:
        return
    st.subheader(f":material/handshake: {w('heading.help')}")
    for h in helps:
        st.markdown(text.help_markdown(h) + "  \n" + say(w, h["why"]))


def show_downloads(data: dict, today: date, uid: str | None, w: Words,
                   rules_dirs: tuple[Path, ...] = ()) -> None:
    st.subheader(f":material/download: {w('save.heading')}")
    cols = st.columns(2)
    deadline, appt = data["deadline"], data["appointment"]
    if deadline or appt:
        ics = deadline_ics(date.fromisoformat(deadline["date"]) if deadline else None,
                           data["explanation"]["kind_label"] or data["kind_label"],
                           deadline["action"] if deadline else "attend", uid=uid, words=w,
                           appointment=(date.fromisoformat(appt["date"]), appt["time"]) if appt else None)
        cols[0].download_button(w("save.calendar"), ics, file_name="brief-datum.ics",
                                mime="text/calendar", on_click="ignore", key="dl-ics",
                                icon=":material/calendar_month:",
                                width="stretch")
    pdf = summary_pdf(data, today, rules_dirs=rules_dirs)
    cols[1].download_button(w("save.pdf"), pdf, file_name="samenvatting-brief.pdf",
                            mime="application/pdf", on_click="ignore", key="dl-pdf",
                            icon=":material/picture_as_pdf:",
                            width="stretch")


def show_answer(result: Result, today: date, uid: str | None = None,
                rules_dirs: tuple[Path, ...] = ()) -> None:
    """The resident's screen, top to bottom, in the language the answer is in (right to left
    for Arabic). Only masked values (to_json) are shown."""
    data = result.to_json()
    w = words_for(answer_lang(data), rules_dirs)
    with st.container(key="answer-rtl" if w.rtl else "answer"):
        answer_block(data, today, uid, rules_dirs, w)


def answer_block(data: dict, today: date, uid: str | None, rules_dirs: tuple[Path, ...],
                 w: Words) -> None:
    e = data["explanation"]
    st.header(text.escape_markdown(e["kind_label"] or data["kind_label"]))
    if data["sender"]:
        st.markdown(f"**{w('from')}:** " + text.escape_markdown(data["sender"]))
    st.iframe(text.speak_button_html(
        text.speech_text(data, w), w("speak.read"), w("speak.stop"), voice=w.voice, lang=w.lang,
        rtl=w.rtl, no_speech=w("speak.no-speech"), no_voice=w("speak.no-voice")), height=60)
    for warning in data["warnings"]:
        st.warning(say(w, warning), icon=":material/warning:")
    note = w("note.untranslated")
    if w.missing and note not in data["warnings"]:  # the words around the answer stay Dutch
        st.warning(text.escape_markdown(note), icon=":material/translate:")
    st.markdown(say(w, e["summary"]))
    show_deadline(data, today, w)
    show_payment(data, w)
    if e["what_to_do"]:
        st.subheader(f":material/checklist: {w('heading.what-to-do')}")
        st.markdown("\n".join(f"{i}. {say(w, s)}" for i, s in enumerate(e["what_to_do"], 1)))
    show_ladder(data, rules_dirs, w)
    st.subheader(f":material/report: {w('heading.if-you-do-nothing')}")
    st.markdown(say(w, e["if_you_do_nothing"]))
    if e["objection"]:
        st.subheader(f":material/front_hand: {w('heading.objection')}")
        st.markdown(say(w, e["objection"]))
        if data["objection_deadline"]:
            od = date.fromisoformat(data["objection_deadline"])
            st.markdown(f"**{text.escape_markdown(w('objection.until', date=w.date(od)))}**")
    show_help(data, w)
    show_downloads(data, today, uid, w, rules_dirs)
    st.caption(w("disclaimer"))


# ---------------------------------------------------------------- volunteer desk


def show_desk(letter: Letter, opts: Options) -> None:
    result = letter.current
    st.subheader(":material/support_agent: Balie: controleer wat we lazen")
    missing = text.not_found_lines(result.explanation.not_found)
    if missing:  # left out rather than guessed: the volunteer finds it on the letter
        st.warning("**Niet gevonden. Zoek het zelf op de brief.**\n" + "\n".join(missing),
                   icon=":material/search:")
    tabs = st.tabs(["Brief", "Gelezen tekst", "Waarom deze soort", "Verbeteren"])
    with tabs[0]:
        desk_image(letter, result)
    with tabs[1]:
        desk_text(result)
    with tabs[2]:
        desk_rules(result)
    with tabs[3]:
        desk_corrections(letter, opts)


def desk_image(letter: Letter, result: Result) -> None:
    if not any(p.method == "ocr" for p in result.document.pages):
        st.info("Deze brief had al tekst (PDF of tekstbestand). Er is geen foto om te tonen.")
        return
    if letter.images is None:
        try:
            letter.images = page_images(result)
        except Exception:  # noqa: BLE001 - the picture is a help, the answer stands without it
            letter.images = {}
    boxes = value_boxes(result)
    for number, image in sorted(letter.images.items()):
        page = result.document.pages[number - 1]
        page_boxes = [b for b in boxes if b.page == number]
        st.image(crop_to_text(draw_boxes(image, page_boxes, scale=page.image_scale), page),
                 caption=f"Pagina {number}",
                 width="stretch")
        masked = scrub_bsn(page.text, result.bsn_values)
        legend = []
        for n, b in enumerate(page_boxes, 1):
            colour = _colour_name(b.colour)
            read = text.escape_markdown(masked[b.start:b.end]) if b.end > b.start else ""
            legend.append(f"{n}. :{colour}[**{b.label}**]: {read}")
        if legend:
            st.markdown("\n".join(legend))
        elif page.method == "ocr":
            st.caption("Op deze pagina vonden we geen waarden.")
    if not letter.images:
        st.info("We hebben geen foto van deze brief om te laten zien. Kijk in 'Gelezen tekst'.")


def _colour_name(key: str) -> str:
    return {"deadline": "red", "amount": "blue", "iban": "green", "reference": "violet",
            "date": "orange", "sender": "green"}.get(key, "gray")


def desk_text(result: Result) -> None:
    st.caption("Woorden met een kleur lazen we niet zeker. Vergelijk ze met de brief.")
    for page in result.document.pages:
        masked = scrub_bsn(page.text, result.bsn_values)  # same length: word offsets hold
        how = {"ocr": "gelezen van de foto", "text-layer": "tekst uit de PDF",
               "text": "tekstbestand"}[page.method]
        conf = f", zekerheid {page.confidence:.0f} van 100" if page.confidence is not None else ""
        st.markdown(f"**Pagina {page.number}** ({how}{conf})")
        with st.container(height=360):
            st.markdown(text.marked_text(masked, low_confidence_spans(page)))


def desk_rules(result: Result) -> None:
    c = result.classification
    st.markdown(f"**Soort:** {text.escape_markdown(c.label)} (`{c.kind}`), "
                f"zekerheid {max(0.0, min(1.0, c.confidence)):.0%}")
    if c.stage:
        st.markdown(f"**Stap:** `{c.stage}`")
    data = result.to_json()  # masked hit texts
    if data["rule_hits"]:
        st.dataframe(
            [{"regel": h["pattern"], "soort": h["kind"], "gewicht": h["weight"],
              "gevonden tekst": h["text"]} for h in data["rule_hits"]],
            hide_index=True, width="stretch",
        )
    else:
        st.caption("Geen regel vond iets. Daarom: overig.")
    if c.scores:
        st.markdown("**Punten per soort:** " + ", ".join(
            f"`{k}` {s:.1f}" for k, s in c.scores[:4]))
    variant = data["explanation"].get("texts_variant")
    st.markdown("**Uitleg:** " + (f"de teksten voor `{variant}` uit de regels van deze soort"
                                  if variant else "de gewone teksten van deze soort"))
    ease = data.get("reading_ease")
    if ease and ease.get("letter") is not None:
        st.markdown(f"**Leesbaarheid (hoe hoger, hoe makkelijker):** de brief {ease['letter']:.0f}, "
                    f"onze uitleg {ease['answer']:.0f}")


def desk_corrections(letter: Letter, opts: Options) -> None:
    from snapdebrief.rules import load_rules

    original = letter.original
    fix = letter.corrections
    st.caption("Verbeter wat niet klopt. De uitleg verandert meteen.")
    kinds = load_rules(tuple(opts.rules_dirs)).kinds
    ids = list(kinds)
    current_kind = fix.kind or original.classification.kind
    kind = st.selectbox("Soort brief", ids, index=ids.index(current_kind) if current_kind in ids else 0,
                        format_func=lambda k: f"{kinds[k].label} ({k})", key=f"fix-kind-{letter.id}")
    read_deadline = original.deadline.date if original.deadline else None
    when = st.date_input("Uiterste datum", value=fix.deadline or read_deadline, format="DD-MM-YYYY",
                         key=f"fix-deadline-{letter.id}")
    shown = fix.amount_due if fix.amount_due is not None else original.fields.amount_due
    # Streamlit's number field works in floats; the amount is a Decimal again as soon as it is read
    amount = typed_amount(st.number_input("Bedrag te betalen (€)", min_value=0.0, step=0.01,
                                          format="%.2f", value=None if shown is None else float(shown),
                                          key=f"fix-amount-{letter.id}"))
    new = Corrections(
        kind=kind if kind != original.classification.kind else None,
        deadline=when if isinstance(when, date) and when != read_deadline else None,
        amount_due=amount if amount is not None and amount != original.fields.amount_due else None,
    )
    if new != fix:
        try:
            letter.result = apply_corrections(original, new, opts, force=True)
            letter.corrections = new
        except SnapError as exc:
            st.error(exc.user_message())
        except Exception:  # noqa: BLE001
            st.error(BUG_MESSAGE)
    letter_date = original.fields.letter_date.date if original.fields.letter_date else None
    if new.deadline is not None and letter_date is not None and new.deadline < letter_date:
        st.warning("Deze datum ligt vóór de datum van de brief. Kies een latere datum.")
    if not letter.corrections.empty:
        st.success("Verbeterd. De uitleg hieronder gebruikt jouw waarden.")
        st.button("Terug naar wat we lazen", key=f"fix-reset-{letter.id}",
                  on_click=_reset_corrections, args=(letter.id,))
        case_button(letter, opts)


def case_button(letter: Letter, opts: Options) -> None:
    """The corrected letter as a test case for the rules team (#18): the zip is made only when
    the volunteer presses the button (cases/export.py), in memory, without a page image."""
    result, fix, made = letter.current, letter.corrections, opts.today

    def case_zip() -> bytes:
        try:
            return make_case(result, fix, made).zip_bytes()
        except Exception as exc:  # noqa: BLE001 - logged without its message, raised again
            # The type only: a message could quote the letter (see the page's own handler).
            app_log.error("the test case failed: %s", type(exc).__name__)
            raise RuntimeError("no test case") from None

    st.download_button(
        "Maak een testgeval", case_zip, file_name=f"testgeval-{result.classification.kind}.zip",
        mime="application/zip", on_click="ignore", key=f"case-{letter.id}",
        icon=":material/science:",
        help="Voor het team dat de regels maakt: de tekst van deze brief met jouw verbetering. "
             "Naam, adres, BSN, rekeningnummer, telefoon, e-mail en geboortedatum van de bewoner "
             "zijn vervangen door verzonnen gegevens. Er zit geen foto in.")
    st.caption("Geef het bestand alleen aan het regelteam. We maken het pas als je op de knop "
               "drukt.")


def _reset_corrections(letter_id: str) -> None:
    letter = st.session_state["letters"].get(letter_id)
    if letter is None:
        return
    letter.corrections = Corrections()
    letter.result = None
    letter.region = ""  # main() makes the answer again for the chosen help region
    for name in ("kind", "deadline", "amount"):
        st.session_state.pop(f"fix-{name}-{letter_id}", None)


def letter_list(today: date) -> None:
    """Sidebar: this person's letters in this session, earliest deadline first."""
    letters = by_deadline(st.session_state["letters"].values())
    if not letters:
        st.caption("Nog geen brieven in deze sessie.")
        return
    st.markdown("**Brieven van deze sessie**")
    for lt in letters:
        r = lt.current
        when = (f"{text.long_date(r.deadline.date)} ({text.days_left_text(r.deadline.date, today).lower()})"
                if r.deadline else "geen datum")
        mark = ":material/arrow_forward: " if lt.id == st.session_state["current"] else ""
        st.button(f"{mark}{text.escape_markdown(r.classification.label)} · {when}",
                  key=f"pick-{lt.id}",
                  width="stretch", on_click=_pick, args=(lt.id,))


def _pick(letter_id: str) -> None:
    st.session_state["current"] = letter_id


# ---------------------------------------------------------------- page


def main() -> None:
    settings = app_settings()
    reading_process(settings.broker is not None)
    state()
    opts = options(settings)
    today = opts.today
    with st.sidebar:
        desk = st.toggle("Balie-modus", key="desk",
                         help="Voor vrijwilligers: zie waar we alles lazen en verbeter het.")
        names = regions()
        st.selectbox("Hulp in de buurt van", names, key="region",
                     format_func=str.capitalize)
        if desk:
            letter_list(today)
        st.button("Wis alles", on_click=wipe, icon=":material/delete:", width="stretch",
                  help="Vergeet alle brieven van deze sessie.")
        st.caption("We bewaren niets. Als je dit venster sluit, is alles weg.")

    st.markdown(CSS, unsafe_allow_html=True)
    st.title(":material/mail: Snap de brief")
    # The answer's language (#20): each name in its own script, no flags (a flag is a country).
    st.radio(":material/translate: Taal van de uitleg", list(LANGUAGES), key="lang",
             format_func=LANGUAGES.__getitem__, horizontal=True,
             help="De uitleg van je brief komt in deze taal. De brief zelf blijft Nederlands.")
    st.markdown("Maak een foto van je brief. Wij leggen in gewone woorden uit wat er staat "
                "en wat je moet doen.")
    st.markdown(":material/lock: Je brief blijft alleen in het geheugen. We bewaren niets.")
    upload_section(opts, settings)

    letter = st.session_state["letters"].get(st.session_state["current"])
    if letter is None:
        return
    if letter.region != opts.region or letter.lang != opts.lang:
        # another help region or language chosen: the same answer, other help or other words
        letter.result = apply_corrections(letter.original, letter.corrections, opts, force=True)
        letter.region, letter.lang = opts.region, opts.lang
    st.divider()
    if desk:
        show_desk(letter, opts)
        st.divider()
    show_answer(letter.current, today, letter.uid, opts.rules_dirs)
    st.button("Nog een brief", on_click=new_letter, icon=":material/add:",
              help="Begin opnieuw met een andere brief. Deze brief blijft in de lijst.")


try:
    st.set_page_config(page_title="Snap de brief", page_icon="✉️", layout="centered")
    main()
except Exception as exc:  # noqa: BLE001 - never a traceback on screen (st.rerun is no Exception)
    if isinstance(exc, SnapError):
        app_log.warning("the page stopped: %s %s", type(exc).__name__, exc.code)
        st.error(exc.user_message())
    else:
        # The type and where only: a message or a traceback's locals may quote the letter.
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}" if tb else "?"
        app_log.error("the page failed: %s at %s", type(exc).__name__, where)
        st.error(BUG_MESSAGE)
