"""Streamlit app: upload a photo or PDF of a letter, get the answer in simple Dutch.

Thin door over snapdebrief.pipeline.explain(): widgets in, Result out. Letters stay in memory.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from snapdebrief.errors import SnapError
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.result import Result

st.set_page_config(page_title="Snap de brief", page_icon="✉️", layout="centered")


def show(result: Result) -> None:
    data = result.to_json()
    e = data["explanation"]
    st.header(data["kind_label"])
    if data["sender"]:
        st.caption(f"Van: {data['sender']}")
    st.subheader("Wat is dit?")
    st.text(e["summary"])
    if e["deadline_text"]:
        st.subheader("Vóór wanneer?")
        st.text(e["deadline_text"])
    if e["amount_text"]:
        st.subheader("Hoeveel?")
        st.text(e["amount_text"])
    if data["iban"]:
        st.code(data["iban"], language=None)
    if data["payment_reference"]:
        st.code(data["payment_reference"], language=None)
    if e["what_to_do"]:
        st.subheader("Wat moet je doen?")
        for i, step in enumerate(e["what_to_do"], 1):
            st.text(f"{i}. {step}")
    st.subheader("Wat gebeurt er als je niets doet?")
    st.text(e["if_you_do_nothing"])
    if e["objection"]:
        st.subheader("Ben je het er niet mee eens?")
        st.text(e["objection"])
    if e["help"]:
        st.subheader("Gratis hulp")
        for h in e["help"]:
            st.text(" · ".join(x for x in (h["name"], h["phone"], h["url"]) if x))
            st.caption(h["why"])
    for w in data["warnings"]:
        st.warning(w)


st.title("Snap de brief")
st.write("Maak een foto van je brief of kies een PDF. Wij leggen uit wat er staat.")
st.caption("Je brief blijft op deze computer. We bewaren niets.")
uploads = st.file_uploader(
    "Foto's of PDF van één brief (in de goede volgorde)",
    type=["jpg", "jpeg", "png", "webp", "heic", "heif", "tif", "tiff", "pdf", "txt"],
    accept_multiple_files=True,
)
if uploads:
    with st.spinner("We lezen je brief…"):
        try:
            result = explain([u.getvalue() for u in uploads], Options(today=date.today()))
        except SnapError as exc:
            st.error(exc.user_message())
        except Exception:  # noqa: BLE001 - never show a traceback with letter content
            st.error("Er ging iets mis in het programma. Dit is niet jouw fout. Probeer het opnieuw.")
        else:
            show(result)
