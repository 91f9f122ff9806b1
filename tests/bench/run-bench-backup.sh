#!/bin/sh
# Runs the backup benchmark and prints the figures with their targets:
#   tests/bench/run-bench-backup.sh [BUILD_DIR [export|restore]]
# BUILD_DIR defaults to build-bench; the second argument runs only one part.
# Builds what is missing, creates a database of 100k made-up customers with
# 1M interactions, 100k follow-ups and a journey with 10k enrolled customers
# once (cached in BUILD_DIR/tests/bench/db, remade when the schema or what
# core stores for the made-up rows changes; delete that folder to force
# it), then
#  - export: times dg_backup_export() against `sqlite3 -json` printing
#    every row of the same tables, each a process timed from spawn to exit;
#  - restore: times loading and restoring the export into an empty database
#    against a floor of plain prepared inserts of the same rows in one
#    transaction (tests/bench/dg-bench-backup-floor.h), and the restore's
#    peak memory against the file's size.
# The files of a run (a backup of about 400 MB, two databases) go to
# BUILD_DIR/tests/bench/backup-run and are removed at the end.
#   DG_BENCH_RUNS           timed runs of the export and sqlite3 (3)
#   DG_BENCH_RESTORE_RUNS   timed runs of the restore and its floor (1: each
#                           takes minutes)
#   DG_BENCH_CACHE_MB       SQLite page cache of the restored database, for
#                           the restore and its floor alike (default: SQLite's
#                           2 MB, as the app has)
#   DG_BENCH_CUSTOMERS      customers in the database (100000)
#   DG_BENCH_INTERACTIONS   interactions (1000000)
#   DG_BENCH_FOLLOWUPS      follow-ups (100000)
#   DG_BENCH_ENROLLED       customers enrolled in the journey (10000)
set -eu

export LC_ALL=C.UTF-8
# The all-day follow-ups of the made-up data are stored for this zone.
export TZ=Asia/Seoul

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

build=${1:-$src/build-bench}
part=${2:-all}
case $part in
  all|export|restore) ;;
  *) echo "Usage: $0 [BUILD_DIR [export|restore]]" >&2; exit 2 ;;
esac
runs=${DG_BENCH_RUNS:-3}
restore_runs=${DG_BENCH_RESTORE_RUNS:-1}
cache_mb=${DG_BENCH_CACHE_MB:-0}
customers=${DG_BENCH_CUSTOMERS:-100000}
interactions=${DG_BENCH_INTERACTIONS:-1000000}
followups=${DG_BENCH_FOLLOWUPS:-100000}
enrolled=${DG_BENCH_ENROLLED:-10000}

# The floor of the export is the sqlite3 shell (build-aux/deps.sh installs it).
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3 is missing: run build-aux/deps.sh" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >/dev/null
fi
meson compile -C "$build" dg-bench-backup >/dev/null

bench=$build/tests/bench
dbdir=$bench/db
work=$bench/backup-run
mkdir -p "$dbdir"

stamp="$("$bench/dg-bench-backup" fingerprint) $customers $interactions $followups $enrolled"
db=$dbdir/backup-$customers-$interactions.db
if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "Creating $db"
  rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
  "$bench/dg-bench-backup" generate --customers "$customers" --interactions "$interactions" \
    --followups "$followups" --enrolled "$enrolled" --output "$db"
  echo "$stamp" > "$db.stamp"
fi

at_most () {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "NO" }'
}

row () {
  printf '%-46s %10s %10s %8s %8s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
}

load () {
  echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors)"
}

out=$bench/backup.txt
rm -rf "$work"
trap 'rm -rf "$work"' EXIT

echo
echo "== Backup of $customers customers, $interactions interactions, $followups follow-ups"
load
echo
"$bench/dg-bench-backup" run --db "$db" --work "$work" --runs "$runs" \
  --restore-runs "$restore_runs" --cache-mb "$cache_mb" --part "$part" | tee "$out"

echo
echo "== Targets"
load
row "" "Dangol" "floor" ratio target met
if [ "$part" != restore ]; then
  # result export EXPORT_MS SQLITE_MS RATIO CPU_RATIO FSYNC_MS RATIO_WITH_FSYNC BYTES RSS
  set -- $(grep "^result export " "$out")
  row "export, ms (floor: sqlite3 -json)" "$3" "$4" "$5" "<= 1.5" "$(at_most "$5" 1.5)"
  row "  the same, processor time" "" "" "$6" "" ""
  row "  floor with its output synced to disk" "" "$(($4 + $7))" "$8" "" ""
fi
if [ "$part" != export ]; then
  # result restore RESTORE_MS FLOOR_MS RATIO CPU_RATIO LOAD_MS SAME
  set -- $(grep "^result restore " "$out")
  row "restore (load + apply), ms" "$3" "$4" "$5" "<= 2" "$(at_most "$5" 2)"
  row "  the same, processor time" "" "" "$6" "" ""
  row "  of which load and check, ms" "$7" "" "" "" ""
  row "  same rows written by both" "" "" "$8" "" ""
  # result memory RSS FILE_BYTES RATIO FLOOR_RSS
  set -- $(grep "^result memory " "$out")
  row "restore peak memory, MB (floor: file size)" \
    "$(awk -v b="$3" 'BEGIN { printf "%.0f", b / 1e6 }')" \
    "$(awk -v b="$4" 'BEGIN { printf "%.0f", b / 1e6 }')" "$5" "<= 2" "$(at_most "$5" 2)"
fi
