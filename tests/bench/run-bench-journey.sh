#!/bin/sh
# Runs the journey benchmarks and prints the figures with their targets:
#   tests/bench/run-bench-journey.sh [BUILD_DIR [frames|analytics|move]]
# BUILD_DIR defaults to build-bench; the second argument runs only one part.
# Builds what is missing and creates once (cached in BUILD_DIR/tests/bench/db
# beside run-bench.sh's, remade when the made-up data or what core stores
# changes; delete journey-*.db to force it) the database of made-up
# customers, then a copy with a journey of 8 stages, every customer enrolled
# in one of its cohorts and 10 stage events each, and beside it an empty
# journey with the same stages; a second copy puts the empty journey first.
# Then it times:
#   frames     under Xvfb, the first frame of the Journeys page showing the
#              busy journey and showing the empty one (the journey the board
#              opens on), in rounds of fresh processes;
#   analytics  dg_journey_analytics() against the SQL it runs, alone;
#   move       moving a 2,000-card column through the core against the same
#              writes as one plain SQL transaction (on a copy).
#   DG_BENCH_CUSTOMERS  customers, all enrolled (100000)
#   DG_BENCH_COHORTS    cohorts (500)
#   DG_BENCH_EVENTS     stage events (1000000)
#   DG_BENCH_RUNS       fresh processes per first-frame figure (7)
#   DG_BENCH_ITERATIONS runs of the analytics and of the move (5)
set -eu

export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

# Inside Xvfb: the first frame of each kind in rounds, so that a slow moment
# of the machine hits both alike, after one round that warms the caches.
if [ "${1:-}" = "--frames" ]; then
  bench=$2
  runs=$3
  out=$4
  busy=$5
  empty=$6
  : > "$out"
  round=0
  while [ "$round" -le "$runs" ]; do
    for kind in busy empty; do
      if [ $kind = busy ]; then db=$busy; else db=$empty; fi
      line=$("$bench/dg-bench-first-frame" --runs=1 --mode=dangol --page=journeys "--db=$db")
      if [ "$round" -gt 0 ]; then
        echo "$kind $line" >> "$out"
      fi
    done
    round=$((round + 1))
  done
  exit 0
fi

build=${1:-$src/build-bench}
part=${2:-all}
case $part in
  all|frames|analytics|move) ;;
  *) echo "Usage: $0 [BUILD_DIR [frames|analytics|move]]" >&2; exit 2 ;;
esac
n=${DG_BENCH_CUSTOMERS:-100000}
cohorts=${DG_BENCH_COHORTS:-500}
events=${DG_BENCH_EVENTS:-1000000}
runs=${DG_BENCH_RUNS:-7}
iterations=${DG_BENCH_ITERATIONS:-5}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >/dev/null
fi

bench=$build/tests/bench
targets="tests/bench/dg-bench-generate tests/bench/dg-bench-journey"
if grep -q '^build tests/bench/dg-bench-first-frame:' "$build/build.ninja"; then
  targets="$targets tests/bench/dg-bench-first-frame data/gschemas.compiled"
elif [ "$part" = frames ] || [ "$part" = all ]; then
  echo "$build has no GTK app (-Dgui=false): no first frame" >&2
  [ "$part" = all ] && part=nofirst || exit 1
fi
# shellcheck disable=SC2086
ninja -C "$build" $targets >/dev/null
dbdir=$bench/db
mkdir -p "$dbdir"

# The customers, with the same cache key as run-bench.sh, so all share them.
stamp="$("$bench/dg-bench-generate" --fingerprint) $(cksum < "$here/dg-bench-data.c")"
customers=$dbdir/customers-$n.db
if [ ! -f "$customers" ] || [ "$(cat "$customers.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "Creating $customers"
  rm -f "$customers" "$customers-wal" "$customers-shm" "$customers.stamp"
  "$bench/dg-bench-generate" --count "$n" --output "$customers"
  echo "$stamp" > "$customers.stamp"
fi

# The journeys on a copy of them; remade with the customers or the journey's
# made-up data.
jstamp="$stamp $(cksum < "$here/dg-bench-journey-data.c") $cohorts $events"
busy=$dbdir/journey-$n.db
empty=$dbdir/journey-$n-empty-first.db
if [ ! -f "$busy" ] || [ ! -f "$empty" ] || [ "$(cat "$busy.stamp" 2>/dev/null)" != "$jstamp" ]; then
  echo "Creating $busy"
  rm -f "$busy" "$busy-wal" "$busy-shm" "$busy.stamp" "$empty" "$empty-wal" "$empty-shm"
  partial=$busy.partial
  rm -f "$partial" "$partial-wal" "$partial-shm"
  cp "$customers" "$partial"
  "$bench/dg-bench-journey" --db "$partial" --generate --customers "$n" --cohorts "$cohorts" --events "$events"
  mv "$partial" "$busy"
  cp "$busy" "$empty"
  "$bench/dg-bench-journey" --db "$empty" --put-first=empty
  echo "$jstamp" > "$busy.stamp"
fi

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

target () {
  printf '%-46s %6s %7s  %s\n' "$1" "$2" "<= $3" \
    "$(awk -v a="$2" -v b="$3" 'BEGIN { print (a <= b) ? "yes" : "NO" }')"
}

# The median of every field per kind, as "kind field=value ...".
frame_medians () {
  awk '
    { kind = $1; kinds[kind] = 1
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        names[i] = kv[1]; n[kind, kv[1]]++; v[kind, kv[1], n[kind, kv[1]]] = kv[2]
      }
      nf = NF }
    END {
      for (kind in kinds) {
        line = kind
        for (i = 2; i <= nf; i++) {
          f = names[i]; c = n[kind, f]
          for (a = 1; a <= c; a++) s[a] = v[kind, f, a]
          for (a = 1; a <= c; a++) for (b = a + 1; b <= c; b++)
            if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
          m = (c % 2) ? s[(c + 1) / 2] : (s[c / 2] + s[c / 2 + 1]) / 2
          line = line sprintf(" %s=%.1f", f, m)
        }
        print line
      }
    }' "$1"
}

field () {
  echo "$medians" | awk -v kind="$1" -v f="$2" '$1 == kind {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }'
}

medians=""
analytics_worst=""
move_worst=""

if [ "$part" = all ] || [ "$part" = frames ]; then
  echo
  echo "== Journey board, first frame (median of $runs fresh processes, ms, Xvfb, GSK_RENDERER=cairo)"
  frames=$bench/journey-first-frame.txt
  env GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
      GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
      LANGUAGE=en \
      xvfb-run -a -s "-screen 0 1920x1080x24" \
      dbus-run-session -- "$here/run-bench-journey.sh" --frames "$bench" "$runs" "$frames" "$busy" "$empty" \
      2> "$bench/journey-first-frame.log" || { cat "$bench/journey-first-frame.log" >&2; exit 1; }
  medians=$(frame_medians "$frames")
  printf '%-26s %8s %8s %8s %8s %8s %8s %8s\n' "" exec startup window frame rows total cpu
  for kind in empty busy; do
    case $kind in
      empty) label="empty journey" ;;
      busy) label="$(awk -v n="$n" 'BEGIN { printf "%dk enrolled", n / 1000 }')" ;;
    esac
    printf '%-26s %8s %8s %8s %8s %8s %8s %8s\n' "$label" \
      "$(field $kind exec)" "$(field $kind startup)" "$(field $kind window)" \
      "$(field $kind frame)" "$(field $kind rows)" "$(field $kind total)" "$(field $kind cpu)"
  done
  echo "(rows: until a frame shows every column, with cards in those that hold"
  echo " any; total: spawn to that frame; cpu: processor time until then)"
fi

if [ "$part" = all ] || [ "$part" = nofirst ] || [ "$part" = analytics ]; then
  echo
  echo "== Journey analytics (target: API <= 2x the same SQL alone)"
  "$bench/dg-bench-journey" --db "$busy" --analytics --runs "$iterations" | tee "$bench/journey-analytics.txt"
  analytics_worst=$(sed -n 's/^worst ratio: \([0-9.]*\).*/\1/p' "$bench/journey-analytics.txt")
fi

if [ "$part" = all ] || [ "$part" = nofirst ] || [ "$part" = move ]; then
  echo
  echo "== Bulk move of a column (target: API <= 2x the same writes in one SQL transaction)"
  work=$dbdir/journey-work.db
  rm -f "$work" "$work-wal" "$work-shm"
  cp "$busy" "$work"
  trap 'rm -f "$work" "$work-wal" "$work-shm"' EXIT
  "$bench/dg-bench-journey" --db "$work" --move --runs "$iterations" | tee "$bench/journey-move.txt"
  move_worst=$(sed -n 's/^worst ratio: \([0-9.]*\).*/\1/p' "$bench/journey-move.txt")
fi

echo
echo "== Targets"
printf '%-46s %6s %7s  %s\n' "" ratio target met
if [ -n "$medians" ]; then
  target "board first frame, busy / empty journey" "$(ratio "$(field busy total)" "$(field empty total)")" 1.3
fi
if [ -n "$analytics_worst" ]; then
  target "analytics, API / SQL alone (worst)" "$analytics_worst" 2.0
fi
if [ -n "$move_worst" ]; then
  target "bulk move, API / one SQL transaction" "$move_worst" 2.0
fi
