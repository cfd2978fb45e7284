"""The raw-folder sensor and the daily schedule, evaluated against a real Dagster instance and a
real raw folder: what they launch, what they skip and why."""
from __future__ import annotations

import json
import os
import shutil

import dagster as dg
import pytest

from pipelines.defs.resources import GovReportResource
from pipelines.defs.schedules import DEFAULT_CRON, build_daily_schedule
from pipelines.defs.sensors import build_raw_folder_sensor
from tests.conftest import definitions
from tests.ops_support import CORPUS_FILES, SAMPLE, make_raw, metadata, run_job, shared_path


@pytest.fixture
def setup(tmp_path):
    raw = make_raw(tmp_path, corpus_files=[])
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    (tmp_path / "dagster_home").mkdir()
    instance = dg.DagsterInstance.local_temp(str(tmp_path / "dagster_home"))
    resource = GovReportResource(raw_dir=str(raw), warehouse=str(warehouse), workers=1)
    sensor = build_raw_folder_sensor()
    state = {"cursor": None}

    def tick():
        ctx = dg.build_sensor_context(instance=instance, cursor=state["cursor"],
                                      resources={"govreport": resource})
        out = sensor(ctx)
        state["cursor"] = ctx.cursor
        return out

    tick.state = state
    yield raw, warehouse, instance, tick
    instance.dispose()


def test_sensor_launches_for_new_changed_deleted_files_and_skips_otherwise(setup):
    raw, warehouse, _, tick = setup
    first = tick()
    assert isinstance(first, dg.RunRequest) and first.tags["govreport/new_files"] == "1"
    again = tick()  # nothing moved since: nothing read
    assert isinstance(again, dg.SkipReason) and "No file added, changed or deleted" in again.skip_message
    assert run_job(raw, warehouse)[0].success

    os.utime(raw / "yuzhong-2024-web.txt")  # touched, same content
    touched = tick()
    assert isinstance(touched, dg.SkipReason) and "exactly what the warehouse was built from" in touched.skip_message

    shutil.copy(shared_path("corpus", CORPUS_FILES[1]), raw / "new.md")
    added = tick()
    assert isinstance(added, dg.RunRequest) and added.tags["govreport/new_files"] == "1"
    assert run_job(raw, warehouse)[0].success

    with open(raw / "new.md", "a", encoding="utf-8") as f:
        f.write("\n新增一段。\n")
    changed = tick()
    assert isinstance(changed, dg.RunRequest) and changed.tags["govreport/changed_files"] == "1"
    assert run_job(raw, warehouse)[0].success

    (raw / "new.md").unlink()
    deleted = tick()
    assert isinstance(deleted, dg.RunRequest) and deleted.tags["govreport/deleted_files"] == "1"
    assert len({first.run_key, added.run_key, changed.run_key, deleted.run_key}) == 4


def test_sensor_cursor_is_a_small_json_digest(setup):
    raw, _, _, tick = setup
    for i in range(50):
        (raw / f"extra-{i:02d}.txt").write_text(f"第{i}份报告。", encoding="utf-8")
    assert isinstance(tick(), dg.RunRequest)
    cursor = json.loads(tick.state["cursor"])
    assert set(cursor) == {"listing", "files", "pipeline_version"} and cursor["files"] == 51
    assert len(tick.state["cursor"]) < 200  # stored with every tick: a digest, not 51 paths


def _sensor_ticks(tmp_path, raw, **resource):
    (tmp_path / "dagster_home").mkdir()
    instance = dg.DagsterInstance.local_temp(str(tmp_path / "dagster_home"))
    govreport = GovReportResource(raw_dir=str(raw), warehouse=str(tmp_path / "wh" / "reports.duckdb"),
                                  workers=1, **resource)
    sensor, state = build_raw_folder_sensor(), {"cursor": None}

    def tick():
        ctx = dg.build_sensor_context(instance=instance, cursor=state["cursor"],
                                      resources={"govreport": govreport})
        out = sensor(ctx)
        state["cursor"] = ctx.cursor
        return out
    return instance, tick


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks unsupported")
def test_sensor_sees_a_change_inside_a_symlinked_folder(tmp_path):
    """The sensor walks the raw folder with the scanner's walker: a corpus folder linked in (from
    outside, with follow_links_outside on) is listed, so editing a report in it launches a run.
    (It used os.walk, which does not enter linked folders: such a change went unnoticed.)"""
    corpus = tmp_path / "elsewhere" / "corpus"
    corpus.mkdir(parents=True)
    shutil.copy(SAMPLE, corpus / "yuzhong-2024.txt")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "corpus").symlink_to(corpus, target_is_directory=True)
    instance, tick = _sensor_ticks(tmp_path, raw, follow_links_outside=True)
    try:
        first = tick()
        assert isinstance(first, dg.RunRequest) and first.tags["govreport/new_files"] == "1"
        assert isinstance(tick(), dg.SkipReason)
        with open(corpus / "yuzhong-2024.txt", "a", encoding="utf-8") as f:
            f.write("\n补充：全年接待游客1200万人次。\n")
        again = tick()
        assert isinstance(again, dg.RunRequest) and again.run_key != first.run_key
    finally:
        instance.dispose()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks unsupported")
def test_sensor_and_inventory_skip_a_link_out_of_the_raw_folder_by_default(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("全年接待游客1200万人次。", encoding="utf-8")
    (raw / "linked.txt").symlink_to(outside)
    instance, tick = _sensor_ticks(tmp_path, raw)
    try:
        first = tick()
        assert isinstance(first, dg.RunRequest) and first.tags["govreport/new_files"] == "1"  # the sample only
        outside.write_text("全年接待游客1300万人次。", encoding="utf-8")
        assert isinstance(tick(), dg.SkipReason)  # the linked file is not watched
    finally:
        instance.dispose()
    result, logs = run_job(raw, tmp_path / "wh" / "reports.duckdb")
    assert result.success
    assert any(line.startswith("Skipped linked.txt: symlink to") and "outside the raw folder" in line
               for line in logs)
    assert metadata(result, "raw_inventory")["files"] == 1


def test_sensor_and_schedule_do_not_launch_while_a_run_is_in_progress(setup):
    raw, _, instance, tick = setup
    run = instance.create_run_for_job(job_def=definitions().resolve_job_def("ingest_reports"))
    out = tick()
    assert isinstance(out, dg.SkipReason)
    assert run.run_id[:8] in out.skip_message and "not launching another" in out.skip_message
    schedule = build_daily_schedule()
    out = schedule(dg.build_schedule_context(instance=instance))
    assert isinstance(out, dg.SkipReason) and run.run_id[:8] in out.skip_message
    instance.report_run_canceled(run)
    assert isinstance(tick(), dg.RunRequest)
    assert isinstance(schedule(dg.build_schedule_context(instance=instance)), dg.RunRequest)


@pytest.mark.parametrize("env,cron,tz,status", [
    ({}, DEFAULT_CRON, "UTC", dg.DefaultScheduleStatus.RUNNING),
    ({"GOVREPORT_SCHEDULE_CRON": "30 6 * * 1-5", "GOVREPORT_SCHEDULE_TZ": "Asia/Shanghai"},
     "30 6 * * 1-5", "Asia/Shanghai", dg.DefaultScheduleStatus.RUNNING),
    ({"GOVREPORT_SCHEDULE": "off"}, DEFAULT_CRON, "UTC", dg.DefaultScheduleStatus.STOPPED),
], ids=["daily-default", "cron-and-tz-from-env", "off"])
def test_schedule_configuration_from_environment(monkeypatch, env, cron, tz, status):
    for k in ("GOVREPORT_SCHEDULE_CRON", "GOVREPORT_SCHEDULE_TZ", "GOVREPORT_SCHEDULE"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    schedule = build_daily_schedule()
    assert (schedule.cron_schedule, schedule.execution_timezone, schedule.default_status) == (cron, tz, status)
    assert schedule.job_name == "ingest_reports"


@pytest.mark.parametrize("env,interval,status", [
    ({}, 30, dg.DefaultSensorStatus.RUNNING),
    ({"GOVREPORT_SENSOR_INTERVAL": "2"}, 2, dg.DefaultSensorStatus.RUNNING),
    ({"GOVREPORT_SENSOR": "off"}, 30, dg.DefaultSensorStatus.STOPPED),
], ids=["default", "interval-from-env", "off"])
def test_sensor_configuration_from_environment(monkeypatch, env, interval, status):
    for k in ("GOVREPORT_SENSOR_INTERVAL", "GOVREPORT_SENSOR"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    sensor = build_raw_folder_sensor()
    assert (sensor.minimum_interval_seconds, sensor.default_status) == (interval, status)


def test_definitions_carry_the_schedule_sensor_and_checks():
    assert [s.name for s in definitions().schedules] == ["daily_ingest"]
    assert [s.name for s in definitions().sensors] == ["raw_folder_sensor"]
    checks = {key.name for c in definitions().asset_checks for key in c.check_keys}
    assert checks == {"unique_ids", "offsets_round_trip", "metric_units_allowed", "no_page_furniture",
                      "documents_with_metrics"}
