"""Page quality: Lighthouse's mobile scores, as served by an ordinary (gzipping) web host."""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from measure import BENCH, ENV

CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
LIGHTHOUSE_RUNS = 5  # Lighthouse's own advice: scores vary run to run, so report the median of several


def serve_gzipped(folder: Path):
    """A static server that compresses text, as any ordinary web host does (http.server does not)."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            text = path.suffix in {".html", ".css", ".js", ".json", ".svg"}
            if not (path.is_file() and text and "gzip" in self.headers.get("Accept-Encoding", "")):
                return super().send_head()
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def lighthouse(site: Path, pages: list[str]) -> dict:
    """Median score per category over LIGHTHOUSE_RUNS runs of each page (mobile preset, gzip-serving host)."""
    tool = BENCH / "node_modules" / ".bin" / "lighthouse"
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if not tool.exists() or not chrome:
        return {}
    url, server = serve_gzipped(site)
    scores = {}
    try:
        for page in pages:
            runs = [lighthouse_once(tool, chrome, f"{url}/{page}") for _ in range(LIGHTHOUSE_RUNS)]
            numbers = [k for k in runs[0] if k != "failed"]
            scores[page] = {k: round(statistics.median(r[k] for r in runs)) for k in numbers}
            scores[page]["failed"] = sorted({audit for r in runs for audit in r["failed"]})
    finally:
        server.shutdown()
        server.server_close()
    return scores


def without_peerpath_scripts(site: Path, folder: Path) -> Path:
    """A copy of the built site with PeerPath's own scripts emptied: how much of a score is ours."""
    shutil.copytree(site, folder)
    for script in (folder / "assets" / "peerpath").glob("*.js"):
        script.write_text("")
    return folder


def lighthouse_once(tool: Path, chrome: str, url: str) -> dict:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run(
        [
            str(tool),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices",
        ],
        env={**ENV, "CHROME_PATH": chrome},
        check=True,
        capture_output=True,
        timeout=240,
    )
    report = json.loads(out.read_text())
    out.unlink()
    scores = {k: v["score"] * 100 for k, v in report["categories"].items()}
    # What the performance score is made of: the metrics where its points are lost (ms, for the notes).
    metrics = {name: report["audits"][name]["numericValue"] for name in METRICS if name in report["audits"]}
    # Which accessibility and best-practices audits fell short, so a score under 100 names its cause.
    failed = [
        ref["id"]
        for category in ("accessibility", "best-practices")
        for ref in report["categories"][category]["auditRefs"]
        if ref.get("weight") and report["audits"][ref["id"]].get("score") not in (None, 1)
    ]
    return {**scores, **metrics, "failed": failed}


METRICS = ("total-blocking-time", "first-contentful-paint", "largest-contentful-paint", "speed-index")
