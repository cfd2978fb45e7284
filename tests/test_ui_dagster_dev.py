"""The UI, proven end to end: `dg dev` (as the README starts it: the project's `dg` CLI, which loads
`pipelines/defs/` through `pipelines/definitions.py`) on loopback with a temporary DAGSTER_HOME
(telemetry and the first-visit dialog off), raw folder and warehouse in temp dirs, and

1. the ingestion job launched through the webserver's GraphQL API, then the warehouse queried;
2. a file dropped into the raw folder, and the sensor seen launching the run that loads it;
3. a real headless Chromium (Debian's, driven by playwright; no browser download) opening the asset
   graph, clicking "Materialize all", and the run's success, with screenshots saved.

`dg dev` runs in its own process group, is stopped with SIGINT and waited for; the test then
checks that none of its processes is left, that no file appeared outside the temp dirs, and that
its output carries no SupersessionWarning (which `dagster dev` prints).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SAMPLE

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and os.path.exists(p)), None)
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (apt-get install -y chromium; .ci/run does it): "
                "the UI test needs a real browser", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
from dagster_graphql import DagsterGraphQLClient  # noqa: E402

DG = str(Path(sys.executable).with_name("dg"))  # the venv's dg, as the README runs it
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
IN_PROGRESS = ["QUEUED", "NOT_STARTED", "STARTING", "STARTED", "CANCELING"]
STARTUP_TIMEOUT = 180
RUN_TIMEOUT = 240


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def outside_files() -> set[str]:
    """Files in the repo (untracked or ignored, bytecode aside) and Dagster's per-user folder."""
    found = set()
    if (REPO / ".git").exists():
        out = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
                             cwd=REPO, capture_output=True, text=True).stdout
        found |= {line[3:] for line in out.splitlines() if "__pycache__" not in line and ".pytest_cache" not in line}
    home_dagster = Path.home() / ".dagster"
    if home_dagster.exists():
        found |= {str(p) for p in home_dagster.rglob("*")}
    return found


def processes_with(marker: str) -> list[int]:
    """PIDs of live processes whose environment contains ``marker`` (our temp DAGSTER_HOME)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() in (proc / "environ").read_bytes():
                    pids.append(int(proc.name))
            except OSError:
                pass
    return pids


class DagsterDev:
    def __init__(self, root: Path):
        self.root = root
        self.home, self.raw = root / "dagster_home", root / "raw"
        self.warehouse = root / "warehouse" / "reports.duckdb"
        self.shots = root / "screenshots"
        for d in (self.home, self.raw, self.shots, root / "cwd"):
            d.mkdir(parents=True)
        shutil.copy(SAMPLE, self.raw / SAMPLE.name)
        (self.home / "dagster.yaml").write_text("telemetry:\n  enabled: false\nnux:\n  enabled: false\n")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = root / "dg-dev.log"
        self.log = open(self.log_path, "w")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "GOVREPORT_"))}
        env.update(DAGSTER_HOME=str(self.home), DAGSTER_DISABLE_TELEMETRY="1", PYTHONPATH=str(REPO),
                   GOVREPORT_RAW_DIR=str(self.raw), GOVREPORT_WAREHOUSE=str(self.warehouse),
                   GOVREPORT_SENSOR_INTERVAL="2", GOVREPORT_WORKERS="1", GOVREPORT_LOCK_WAIT="120")
        self.proc = subprocess.Popen(
            [DG, "dev", "--target-path", str(REPO), "-h", "127.0.0.1", "-p", str(self.port)],
            cwd=root / "cwd", env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
            # a shell without job control starts background jobs with SIGINT ignored: undo that
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def wait_until_up(self) -> float:
        start = time.monotonic()
        while time.monotonic() - start < STARTUP_TIMEOUT:
            assert self.proc.poll() is None, f"dg dev exited: see {self.root / 'dg-dev.log'}"
            try:
                urllib.request.urlopen(f"{self.url}/server_info", timeout=2).read()
                if self.graphql("{ workspaceOrError { ... on Workspace { locationEntries { name "
                                "locationOrLoadError { __typename } } } } }")["workspaceOrError"][
                                    "locationEntries"][0]["locationOrLoadError"]["__typename"] == "RepositoryLocation":
                    return time.monotonic() - start
            except (OSError, KeyError, IndexError, TypeError):
                pass
            time.sleep(0.5)
        raise AssertionError(f"dg dev did not come up in {STARTUP_TIMEOUT}s")

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        req = urllib.request.Request(f"{self.url}/graphql", method="POST",
                                     data=json.dumps({"query": query, "variables": variables or {}}).encode(),
                                     headers={"Content-Type": "application/json"})
        body = json.loads(urllib.request.urlopen(req, timeout=30).read())
        assert "errors" not in body, body
        return body["data"]

    def runs(self, **filter_) -> list[dict]:
        data = self.graphql("query($f: RunsFilter) { runsOrError(filter: $f, limit: 50) { ... on Runs { "
                            "results { runId jobName status tags { key value } } } } }", {"f": filter_})
        return data["runsOrError"]["results"]

    def run_messages(self, run_id: str) -> list[str]:
        data = self.graphql("query($id: ID!) { logsForRun(runId: $id) { ... on EventConnection { "
                            "events { ... on MessageEvent { message } } } } }", {"id": run_id})
        return [e.get("message") or "" for e in data["logsForRun"]["events"]]

    def wait_idle(self, timeout: float = RUN_TIMEOUT) -> None:
        start = time.monotonic()
        while self.runs(statuses=IN_PROGRESS):
            assert time.monotonic() - start < timeout, "runs still in progress"
            time.sleep(1)

    def wait_for_run(self, run_id: str, timeout: float = RUN_TIMEOUT) -> str:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            status = self.runs(runIds=[run_id])[0]["status"]
            if status not in IN_PROGRESS:
                assert status == "SUCCESS", f"run {run_id} ended {status}: see {self.root / 'dg-dev.log'}"
                return status
            time.sleep(1)
        raise AssertionError(f"run {run_id} did not finish in {timeout}s")

    def stop(self) -> float:
        start = time.monotonic()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
                raise AssertionError("dg dev did not stop within 90 s of SIGINT")
        while processes_with(str(self.home)) and time.monotonic() - start < 60:
            time.sleep(0.5)  # run workers finish shutting down
        left = processes_with(str(self.home))
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        self.log.close()
        assert not left, f"processes left after dg dev stopped: {left}"
        return time.monotonic() - start


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    before = outside_files()
    server = DagsterDev(tmp_path_factory.mktemp("ui"))
    try:
        server.startup_seconds = server.wait_until_up()
        yield server
    finally:
        server.stop()
    assert outside_files() == before, "dg dev left files outside its temp dirs"
    output = server.log_path.read_text(encoding="utf-8", errors="replace")
    assert "SupersessionWarning" not in output, output[-2000:]


def query(warehouse: Path, sql: str):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_1_graphql_launch_of_ingest_reports(dev):
    client = DagsterGraphQLClient("127.0.0.1", port_number=dev.port)
    run_id = client.submit_job_execution("ingest_reports")
    dev.wait_for_run(run_id)
    assert client.get_run_status(run_id).value == "SUCCESS"
    assert query(dev.warehouse, "SELECT source_path FROM documents") == [(SAMPLE.name,)]
    assert query(dev.warehouse, "SELECT count(*) FROM metrics WHERE value = 1.6e11 AND unit = '元'")[0][0] >= 1


def test_2_sensor_launches_a_run_for_a_new_file(dev):
    dev.wait_idle()
    sensor_filter = {"tags": [{"key": "dagster/sensor_name", "value": "raw_folder_sensor"}]}
    seen = {r["runId"] for r in dev.runs(**sensor_filter)}
    text = SAMPLE.read_text(encoding="utf-8") + "\n补充：全年接待游客1200万人次。\n"
    (dev.raw / "yuzhong-2024-amended.txt").write_text(text, encoding="utf-8")
    start = time.monotonic()
    while not (new := [r for r in dev.runs(**sensor_filter) if r["runId"] not in seen]):
        assert time.monotonic() - start < 120, "the sensor launched no run for the new file"
        time.sleep(1)
    dev.wait_for_run(new[0]["runId"])
    tags = {t["key"]: t["value"] for t in new[0]["tags"]}
    assert tags["govreport/new_files"] == "1"
    assert ("yuzhong-2024-amended.txt",) in query(dev.warehouse, "SELECT source_path FROM document_sources")


def test_3_materialize_all_in_a_real_browser(dev):
    dev.wait_idle()
    seen = {r["runId"] for r in dev.runs()}
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{dev.url}/asset-groups")
            button = page.get_by_role("button", name="Materialize all")
            sync_api.expect(button).to_be_enabled(timeout=60_000)
            page.get_by_text("Global asset lineage").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=dev.shots / "asset-graph.png")
            button.click()
            start = time.monotonic()
            while not (new := [r for r in dev.runs() if r["runId"] not in seen]):
                assert time.monotonic() - start < 60, "clicking Materialize all launched no run"
                time.sleep(0.5)
            run_id = new[0]["runId"]
            assert new[0]["jobName"] == "__ASSET_JOB"
            dev.wait_for_run(run_id)
            page.goto(f"{dev.url}/runs/{run_id}")
            page.get_by_text("Success").first.wait_for(timeout=60_000)
            page.get_by_text("Loading run logs").first.wait_for(state="hidden", timeout=90_000)
            page.get_by_text("STEP_SUCCESS").first.wait_for(timeout=60_000)
            shot = dev.shots / "materialize-all-run.png"
            page.screenshot(path=shot)
        except Exception:
            page.screenshot(path=dev.shots / "failure.png")
            raise
        finally:
            browser.close()
    assert shot.stat().st_size > 20_000
    # the run's own log says it found nothing new: steps 1 and 2 loaded everything
    assert any("0 documents to process" in m for m in dev.run_messages(run_id))
    print(f"screenshots: {dev.shots}")
