#!/bin/sh
# Runs the import and export benchmarks and prints the figures with their
# targets:
#   tests/bench/run-bench-import.sh [BUILD_DIR [import|export]]
# BUILD_DIR defaults to build-bench; the second argument runs only one part.
# Builds what is missing, uses the databases of 100k and 1M made-up
# customers that run-bench.sh makes (cached in BUILD_DIR/tests/bench/db
# with the same stamp; made here when missing), then
#  - import: imports a Korean sheet of 100k sign-ups saved in CP949 into a
#    copy of the 1M database (load, preview with every row checked for
#    duplicates, apply in one transaction) against the floor of the same
#    customers inserted through dg_customers_insert() in one transaction
#    into another copy; and the import's peak memory with 50k rows against
#    100k rows, as bytes per row;
#  - export: writes the 100k database's customers to CSV with
#    dg_export_csv() against `sqlite3 -csv` printing the same columns in
#    the same order, each a process timed from spawn to exit (with its
#    processor time) by `dg-bench-import time`.
# Each figure is the median of its runs; Dangol and its floor take turns.
# The files of a run (two copies of the 1M database, about 1.7 GB) go to
# BUILD_DIR/tests/bench/import-run and are removed at the end.
#   DG_BENCH_RUNS          timed runs of each (3)
#   DG_BENCH_IMPORT_ROWS   rows of the sheet (100000); the memory run
#                          takes half as many
set -eu

export LC_ALL=C.UTF-8
export TZ=Asia/Seoul

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

build=${1:-$src/build-bench}
part=${2:-all}
case $part in
  all|import|export) ;;
  *) echo "Usage: $0 [BUILD_DIR [import|export]]" >&2; exit 2 ;;
esac
runs=${DG_BENCH_RUNS:-3}
rows=${DG_BENCH_IMPORT_ROWS:-100000}
half=$((rows / 2))

if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3 is missing: run build-aux/deps.sh" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >/dev/null
fi
ninja -C "$build" tests/bench/dg-bench-generate tests/bench/dg-bench-import >/dev/null

bench=$build/tests/bench
tool=$bench/dg-bench-import
dbdir=$bench/db
work=$bench/import-run
mkdir -p "$dbdir"

# The same cache as run-bench.sh: remade when the made-up data or what
# core stores for a customer changes.
stamp="$("$bench/dg-bench-generate" --fingerprint) $(cksum < "$here/dg-bench-data.c")"
case $part in
  import) sizes=1000000 ;;
  export) sizes=100000 ;;
  *) sizes="100000 1000000" ;;
esac
for n in $sizes; do
  db=$dbdir/customers-$n.db
  if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "Creating $db"
    rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
    "$bench/dg-bench-generate" --count "$n" --output "$db"
    echo "$stamp" > "$db.stamp"
  fi
done

rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# The value of KEY in the "key=value" lines of FILE.
value () {
  sed -n "s/^$2=//p" "$1" | tail -n 1
}

median () {
  tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

at_most () {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "NO" }'
}

row () {
  printf '%-46s %10s %10s %8s %8s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
}

load () {
  echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors)"
}

fresh_copy () {
  rm -f "$2" "$2-wal" "$2-shm"
  cp "$1" "$2"
}

import_ms=""
import_cpu=""
floor_ms=""
floor_cpu=""
if [ "$part" != export ]; then
  echo
  echo "== Import of $rows CP949 rows into 1M customers"
  load
  "$tool" write-csv --rows "$rows" --output "$work/signups.csv" > "$work/write.txt"
  "$tool" write-csv --rows "$half" --output "$work/signups-half.csv" > /dev/null
  echo "sheet: $(value "$work/write.txt" bytes) bytes"
  big=$dbdir/customers-1000000.db
  i=0
  while [ "$i" -lt "$runs" ]; do
    fresh_copy "$big" "$work/import.db"
    fresh_copy "$big" "$work/floor.db"
    # Take turns going first, so that a slow moment hits both alike.
    if [ $((i % 2)) -eq 0 ]; then
      "$tool" import --db "$work/import.db" --file "$work/signups.csv" > "$work/import.txt"
      "$tool" floor --db "$work/floor.db" --rows "$rows" > "$work/floor.txt"
    else
      "$tool" floor --db "$work/floor.db" --rows "$rows" > "$work/floor.txt"
      "$tool" import --db "$work/import.db" --file "$work/signups.csv" > "$work/import.txt"
    fi
    echo "run $((i + 1)): import $(value "$work/import.txt" ms) ms" \
         "(load $(value "$work/import.txt" load_ms), preview $(value "$work/import.txt" preview_ms)," \
         "apply $(value "$work/import.txt" apply_ms)), added $(value "$work/import.txt" added);" \
         "floor $(value "$work/floor.txt" ms) ms, added $(value "$work/floor.txt" added)"
    import_ms="$import_ms $(value "$work/import.txt" ms)"
    import_cpu="$import_cpu $(value "$work/import.txt" cpu_ms)"
    floor_ms="$floor_ms $(value "$work/floor.txt" ms)"
    floor_cpu="$floor_cpu $(value "$work/floor.txt" cpu_ms)"
    i=$((i + 1))
  done
  peak_full=$(value "$work/import.txt" peak_bytes)
  fresh_copy "$big" "$work/import.db"
  "$tool" import --db "$work/import.db" --file "$work/signups-half.csv" > "$work/import-half.txt"
  peak_half=$(value "$work/import-half.txt" peak_bytes)
  rm -f "$work/import.db" "$work/floor.db"
  echo "peak memory: $peak_half bytes with $half rows, $peak_full bytes with $rows rows"
fi

export_ms=""
export_cpu=""
sqlite_ms=""
sqlite_cpu=""
sync_ms=""
if [ "$part" != import ]; then
  echo
  echo "== Export of 100k customers to CSV"
  load
  db=$dbdir/customers-100000.db
  # The customer list's columns, in its order (by name, not archived).
  query="SELECT name, phone, email, tags_text, last_contact_at, created_at FROM customers
         WHERE archived = 0 ORDER BY name COLLATE NOCASE, id"
  i=0
  while [ "$i" -lt "$runs" ]; do
    if [ $((i % 2)) -eq 0 ]; then order="dangol sqlite"; else order="sqlite dangol"; fi
    for who in $order; do
      if [ "$who" = dangol ]; then
        "$tool" time --output "$work/export.txt" -- \
          "$tool" export --db "$db" --output "$work/export.csv" > "$work/time.txt"
        export_ms="$export_ms $(value "$work/time.txt" ms)"
        export_cpu="$export_cpu $(value "$work/time.txt" cpu_ms)"
      else
        "$tool" time --output "$work/sqlite.csv" -- \
          sqlite3 -csv -readonly "$db" "$query" > "$work/time.txt"
        sqlite_ms="$sqlite_ms $(value "$work/time.txt" ms)"
        sqlite_cpu="$sqlite_cpu $(value "$work/time.txt" cpu_ms)"
        # The export syncs its file to disk before renaming it into
        # place; sqlite3 does not.
        "$tool" time --output /dev/null -- sync "$work/sqlite.csv" > "$work/time.txt"
        sync_ms="$sync_ms $(value "$work/time.txt" ms)"
      fi
    done
    i=$((i + 1))
  done
  echo "rows: $(($(wc -l < "$work/export.csv") - 1)) exported, $(wc -l < "$work/sqlite.csv") by sqlite3;" \
       "bytes: $(wc -c < "$work/export.csv") and $(wc -c < "$work/sqlite.csv")"
fi

echo
echo "== Targets"
load
row "" "Dangol" "floor" ratio target met
if [ "$part" != export ]; then
  a=$(echo "$import_ms" | median)
  b=$(echo "$floor_ms" | median)
  row "import $rows rows into 1M, ms (floor: inserts)" "$a" "$b" "$(ratio "$a" "$b")" "<= 2" \
      "$(at_most "$(ratio "$a" "$b")" 2)"
  a=$(echo "$import_cpu" | median)
  b=$(echo "$floor_cpu" | median)
  row "  the same, processor time" "$a" "$b" "$(ratio "$a" "$b")" "" ""
  per_row=$(awk -v f="$peak_full" -v h="$peak_half" -v n="$half" 'BEGIN { printf "%.0f", (f - h) / n }')
  row "import peak memory, MB ($half / $rows rows)" \
      "$(awk -v b="$peak_half" 'BEGIN { printf "%.0f", b / 1e6 }')" \
      "$(awk -v b="$peak_full" 'BEGIN { printf "%.0f", b / 1e6 }')" "" "" ""
  row "  growth, bytes per row" "$per_row" "" "" "" ""
fi
if [ "$part" != import ]; then
  a=$(echo "$export_ms" | median)
  b=$(echo "$sqlite_ms" | median)
  row "export 100k to CSV, ms (floor: sqlite3 -csv)" "$a" "$b" "$(ratio "$a" "$b")" "<= 1.5" \
      "$(at_most "$(ratio "$a" "$b")" 1.5)"
  c=$(echo "$sync_ms" | median)
  row "  floor with its output synced to disk" "" "$(awk -v b="$b" -v c="$c" 'BEGIN { print b + c }')" \
      "$(awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN { printf "%.2f", a / (b + c) }')" "" ""
  a=$(echo "$export_cpu" | median)
  b=$(echo "$sqlite_cpu" | median)
  row "  the same, processor time" "$a" "$b" "$(ratio "$a" "$b")" "" ""
fi
