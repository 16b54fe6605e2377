"""What several people at once do to answer times: the real Streamlit app, driven like a browser.

Usage:  .venv/bin/python benchmarks/load.py [--volunteers 5] [--residents 20] [--port 0]
                                            [--levels solo,volunteers,residents,all]
        .venv/bin/python benchmarks/load.py api [--letters 50] [--workers 1,2]
        (the HTTP API and its workers instead, #19: see benchmarks/api_load.py)

Starts `streamlit run app.py` on a free localhost port (only 127.0.0.1 traffic) and talks to it
the way the browser does: one websocket per person (/_stcore/stream, Streamlit's protobuf
messages), the file PUT to the upload URL the server hands out, then a rerun with the uploader's
new state. The answer time is from that rerun to the server's "script finished" (the whole
explain() plus drawing the answer). Residents upload a phone photo of a letter
(samples/generated/photo), volunteers a PDF (samples/generated/pdf) with the desk mode on.

Levels: solo (one resident alone), volunteers (all volunteers at once), residents (all residents
at once), all (both groups at once). Every person sends one letter per level, so counts and time
are bounded (each answer waits at most --timeout seconds). Prints p50/p95/max per level and
group. Run `make samples` first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = ROOT / "samples" / "generated" / "photo"
PDFS = ROOT / "samples" / "generated" / "pdf"


@dataclass(frozen=True)
class Outcome:
    group: str
    seconds: float
    ok: bool  # an answer was drawn (its header); a refusal shows only a Dutch error box


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    import httpx

    for _ in range(120):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit("streamlit did not start")
        time.sleep(0.5)
    proc.kill()
    raise SystemExit("streamlit did not answer on /_stcore/health")


class Browser:
    """One person's tab: a websocket session with the app."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.ws_url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.widgets: dict[str, str] = {}  # label → widget id
        self.session_id = ""

    async def open(self) -> None:
        import httpx
        import websockets

        self.http = httpx.AsyncClient(base_url=self.base, timeout=120)
        r = await self.http.get("/_stcore/health")
        self.xsrf = r.cookies.get("_streamlit_xsrf") or self.http.cookies.get("_streamlit_xsrf") or ""
        headers = {"Origin": self.base}
        if self.xsrf:
            headers["Cookie"] = f"_streamlit_xsrf={self.xsrf}"
        protocols = ["streamlit", self.xsrf] if self.xsrf else ["streamlit"]
        self.ws = await websockets.connect(self.ws_url, subprotocols=protocols, additional_headers=headers,
                                           max_size=None, open_timeout=60)
        await self.rerun([])

    async def close(self) -> None:
        await self.ws.close()
        await self.http.aclose()

    async def send(self, msg) -> None:
        await self.ws.send(msg.SerializeToString())

    async def rerun(self, widget_states: list, timeout: float = 600) -> tuple[bool, float]:
        """Rerun the script with these widget states; (answer drawn, seconds to script finished)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ClientState_pb2 import ClientState
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        msg = BackMsg(rerun_script=ClientState(query_string="", widget_states=WidgetStates(widgets=widget_states)))
        start = time.perf_counter()
        await self.send(msg)
        header = False
        while True:
            fwd = await self._next(timeout - (time.perf_counter() - start))
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                el = fwd.delta.new_element
                which = el.WhichOneof("type")
                widget = getattr(el, which, None)
                if which in ("file_uploader", "toggle", "checkbox", "button") and getattr(widget, "label", ""):
                    self.widgets[widget.label] = widget.id
                if which == "heading" and el.heading.tag == "h2":
                    header = True  # st.header: the kind of letter, first line of the answer
            elif kind == "script_finished":
                return header, time.perf_counter() - start

    async def _next(self, timeout: float):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        raw = await asyncio.wait_for(self.ws.recv(), timeout=max(1.0, timeout))
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        return fwd

    async def upload(self, name: str, data: bytes, mime: str, desk: bool, timeout: float) -> tuple[bool, float]:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.Common_pb2 import FileUploaderState, FileURLsRequest, UploadedFileInfo
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        request_id = uuid.uuid4().hex
        await self.send(BackMsg(file_urls_request=FileURLsRequest(
            request_id=request_id, file_names=[name], session_id=self.session_id)))
        while True:
            fwd = await self._next(60)
            if fwd.WhichOneof("type") == "file_urls_response" and fwd.file_urls_response.response_id == request_id:
                urls = fwd.file_urls_response.file_urls[0]
                break
        r = await self.http.put(urls.upload_url, files={"file": (name, data, mime)},
                                headers={"X-Xsrftoken": self.xsrf} if self.xsrf else {})
        r.raise_for_status()
        states = []
        uploader = next(v for k, v in self.widgets.items() if k.startswith("Maak een foto van je brief"))
        states.append(WidgetState(id=uploader, file_uploader_state_value=FileUploaderState(
            uploaded_file_info=[UploadedFileInfo(file_id=urls.file_id, name=name, size=len(data))])))
        if desk and "Balie-modus" in self.widgets:
            states.append(WidgetState(id=self.widgets["Balie-modus"], bool_value=True))
        return await self.rerun(states, timeout)


async def person(port: int, group: str, file: Path, timeout: float, gate: asyncio.Event) -> Outcome:
    b = Browser(port)
    await b.open()
    await gate.wait()  # everyone of the level uploads at the same moment
    mime = "application/pdf" if file.suffix == ".pdf" else "image/jpeg"
    try:
        ok, seconds = await b.upload(file.name, file.read_bytes(), mime, desk=group == "volunteer",
                                     timeout=timeout)
    except (TimeoutError, OSError) as exc:
        print(f"  {group} {file.name}: {type(exc).__name__}", file=sys.stderr)
        ok, seconds = False, timeout
    finally:
        await b.close()
    return Outcome(group, seconds, ok)


async def level(port: int, people: list[tuple[str, Path]], timeout: float) -> list[Outcome]:
    gate = asyncio.Event()
    tasks = [asyncio.create_task(person(port, g, f, timeout, gate)) for g, f in people]
    await asyncio.sleep(1.0 + 0.1 * len(people))  # all sessions open and drawn
    gate.set()
    return list(await asyncio.gather(*tasks))


def pct(values: list[float], p: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def report(name: str, outcomes: list[Outcome]) -> list[str]:
    lines = []
    for group in ("resident", "volunteer"):
        secs = [o.seconds for o in outcomes if o.group == group]
        if not secs:
            continue
        ok = sum(o.ok for o in outcomes if o.group == group)
        lines.append(f"| {name} | {group} | {len(secs)} | {pct(secs, 50):.1f} | {pct(secs, 95):.1f} | "
                     f"{max(secs):.1f} | {ok}/{len(secs)} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["api"]:  # the HTTP API and its workers instead of the app (#19)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from api_load import main as api_main

        return api_main(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--volunteers", type=int, default=5)
    ap.add_argument("--residents", type=int, default=20)
    ap.add_argument("--port", type=int, default=0, help="0: a free port")
    ap.add_argument("--levels", default="solo,volunteers,residents,all")
    ap.add_argument("--timeout", type=float, default=600, help="seconds one answer may take")
    args = ap.parse_args(argv)
    photos, pdfs = sorted(PHOTOS.glob("*.jpg")), sorted(PDFS.glob("*.pdf"))
    if not photos or not pdfs:
        raise SystemExit("no samples/generated/{photo,pdf}: run `make samples` first")
    residents = [("resident", photos[i % len(photos)]) for i in range(args.residents)]
    volunteers = [("volunteer", pdfs[(7 * i) % len(pdfs)]) for i in range(args.volunteers)]
    plan = {"solo": residents[:1], "volunteers": volunteers, "residents": residents,
            "all": volunteers + residents}
    port = args.port or free_port()
    app = start_app(port)
    rows = ["| level | group | people | p50 s | p95 s | max s | answered |", "|---|---|---|---|---|---|---|"]
    try:
        asyncio.run(level(port, residents[:1], args.timeout))  # warm-up: rules and OCR loaded
        for name in args.levels.split(","):
            started = time.perf_counter()
            outcomes = asyncio.run(level(port, plan[name], args.timeout))
            rows += report(name, outcomes)
            print(f"{name}: {len(outcomes)} letters in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    finally:
        app.terminate()
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
