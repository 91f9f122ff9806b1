#!/usr/bin/python3
"""Kills a restore with SIGKILL at random points and checks what is left.

    backup-kill-test.py RESTORE_TOOL [TRIALS]

RESTORE_TOOL is tests/dg-backup-restore-tool. A database holding an "old"
data set is copied for each trial, a restore of a "new" data set into the
copy is started and killed after a random delay (from at once to a little
past the time a whole restore takes). SQLite must then find the database
intact (PRAGMA integrity_check) and holding exactly the old rows or exactly
the new ones, never a mix. Prints TAP.
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

# Every table a restore writes; the derived values come along, since a
# restore recomputes them in the same transaction.
TABLES = [
    "customers", "tags", "customer_tags", "customer_search", "journeys", "stages",
    "stage_rules", "cohorts", "enrollments", "stage_events", "interactions",
    "followups", "enrollment_followups", "meta",
]


def uuid(kind, set_name, i):
    return "%s-%s-%d" % (set_name, kind, i)


def data_set(name, n_customers, n_interactions, seed):
    """A backup document with a row in every kind, in the format of
    data/backup-format.md."""
    rng = random.Random(seed)
    t = "2026-11-%02dT%02d:00:00Z"
    doc = {
        "format": "dangol-backup",
        "version": 1,
        "exported_at": "2026-12-07T09:15:00Z",
        "settings": [{"name": "reminder_lead_minutes", "value": rng.randint(0, 60)}],
        "tags": [{"uuid": uuid("tag", name, i), "name": "%s 태그 %d" % (name, i), "color": ""}
                 for i in range(5)],
        "customers": [],
        "journeys": [],
        "cohorts": [],
        "enrollments": [],
        "stage_events": [],
        "interactions": [],
        "followups": [],
    }
    for i in range(n_customers):
        doc["customers"].append({
            "uuid": uuid("customer", name, i), "name": "%s 고객 %d" % (name, i),
            "phone": "010-%04d-%04d" % (i // 10000, i % 10000), "email": "c%d@example.kr" % i,
            "organization": "단골상회", "source": "", "birthday": None,
            "birthday_calendar": "solar", "birthday_leap": False, "birthday_followup_year": None,
            "marketing_consent": False, "consent_at": None, "note": "메모 %d" % i,
            "archived": False, "tags": [uuid("tag", name, i % 5)],
            "created_at": t % (1 + i % 28, i % 24), "updated_at": t % (1 + i % 28, i % 24),
        })
    stages = [{"uuid": uuid("stage", name, s), "position": s, "name": "단계 %d" % s,
               "scenario": "", "touchpoint": "", "detail_steps": "", "message_script": "",
               "pain_points": "", "unmet_needs": "", "digitisation": "manual", "usual_days": None,
               "created_at": t % (1, 0), "updated_at": t % (1, 0),
               "rules": [{"uuid": uuid("rule", name, s), "position": 0, "title": "전화 %d" % s,
                          "note": "", "anchor": "stage_entered", "offset_days": 1,
                          "time_of_day": "10:00", "created_at": t % (1, 0),
                          "updated_at": t % (1, 0)}]}
              for s in range(3)]
    doc["journeys"].append({"uuid": uuid("journey", name, 0), "name": "%s 여정" % name,
                            "description": "", "position": 0, "created_at": t % (1, 0),
                            "updated_at": t % (1, 0), "stages": stages})
    doc["cohorts"].append({"uuid": uuid("cohort", name, 0), "journey": uuid("journey", name, 0),
                           "name": "기수", "date": "2026-12-20", "archived": False,
                           "created_at": t % (1, 0), "updated_at": t % (1, 0)})
    for i in range(0, n_customers, 10):
        doc["enrollments"].append({
            "uuid": uuid("enrollment", name, i), "customer": uuid("customer", name, i),
            "journey": uuid("journey", name, 0), "stage": uuid("stage", name, 1),
            "cohort": uuid("cohort", name, 0), "status": "active", "drop_reason": "",
            "since": t % (2, 0), "created_at": t % (2, 0), "updated_at": t % (2, 0)})
        doc["stage_events"].append({
            "uuid": uuid("event", name, i), "enrollment": uuid("enrollment", name, i),
            "from_stage": None, "to_stage": uuid("stage", name, 1), "status": "active",
            "reason": "", "occurred_at": t % (2, 0)})
        doc["followups"].append({
            "uuid": uuid("followup", name, i), "customer": uuid("customer", name, i),
            "title": "확인 전화", "note": "", "all_day": i % 20 == 0,
            "due_at": None if i % 20 == 0 else "2026-12-03T01:00:00Z",
            "due_date": "2026-12-03" if i % 20 == 0 else None, "status": "open",
            "done_at": None, "snoozed_until": None, "recurrence": "none",
            "recurrence_interval": 1,
            "recurrence_anchor": "2026-12-03" if i % 20 == 0 else "2026-12-03T10:00:00",
            "keep_in_touch": False, "notified_at": None,
            "enrollment": uuid("enrollment", name, i), "rule": uuid("rule", name, 1),
            "created_at": t % (2, 0), "updated_at": t % (2, 0)})
    for i in range(n_interactions):
        doc["interactions"].append({
            "uuid": uuid("interaction", name, i),
            "customer": uuid("customer", name, rng.randrange(n_customers)),
            "occurred_at": t % (1 + i % 28, i % 24), "channel": "call",
            "summary": "통화 %d" % i, "feedback": None, "created_at": t % (1 + i % 28, i % 24)})
    return doc


def dump(path):
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchall()
        rows = []
        for table in TABLES:
            n = len(db.execute('SELECT * FROM "%s" LIMIT 0' % table).description)
            order = ", ".join(str(c + 1) for c in range(n))
            rows.append(db.execute('SELECT * FROM "%s" ORDER BY %s' % (table, order)).fetchall())
        return check, rows
    finally:
        db.close()


def run(tool, db, backup):
    subprocess.run([tool, db, backup], check=True, stdout=subprocess.DEVNULL)


def main():
    tool = sys.argv[1]
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    seed = int(os.environ.get("DANGOL_KILL_SEED", time.time()))
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="dangol-kill-")
    print("# seed %d" % seed)
    print("1..%d" % (trials + 1))

    try:
        old_json = os.path.join(tmp, "old.json")
        new_json = os.path.join(tmp, "new.json")
        with open(old_json, "w") as f:
            json.dump(data_set("old", 100, 500, 1), f, ensure_ascii=False)
        with open(new_json, "w") as f:
            json.dump(data_set("new", 400, 2000, 2), f, ensure_ascii=False)

        old_db = os.path.join(tmp, "old.db")
        run(tool, old_db, old_json)
        new_db = os.path.join(tmp, "new.db")
        shutil.copy(old_db, new_db)
        started = time.monotonic()
        run(tool, new_db, new_json)
        whole = time.monotonic() - started

        old_check, old_rows = dump(old_db)
        new_check, new_rows = dump(new_db)
        assert old_check == [("ok",)] and new_check == [("ok",)]
        assert old_rows != new_rows
        print("ok 1 - a whole restore takes %.2f s" % whole)

        outcomes = {"old": 0, "new": 0}
        failures = 0
        for trial in range(trials):
            db = os.path.join(tmp, "trial.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.unlink(db + suffix)
            shutil.copy(old_db, db)
            delay = rng.uniform(0, whole * 1.1)
            proc = subprocess.Popen([tool, db, new_json], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()

            check, rows = dump(db)
            if check != [("ok",)]:
                outcome = "integrity_check: %r" % (check,)
            elif rows == old_rows:
                outcome = "old"
            elif rows == new_rows:
                outcome = "new"
            else:
                outcome = "a mix of old and new rows"
            if outcome in outcomes:
                outcomes[outcome] += 1
                print("ok %d - killed after %.3f s: the %s data" % (trial + 2, delay, outcome))
            else:
                failures += 1
                print("not ok %d - killed after %.3f s: %s" % (trial + 2, delay, outcome))
        print("# old %d, new %d" % (outcomes["old"], outcomes["new"]))
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
