#!/bin/sh
# Runs Dangol's benchmarks and prints the figures with their targets:
#   tests/bench/run-bench.sh [BUILD_DIR [search|frames]]
# BUILD_DIR defaults to build-bench; the second argument runs only one part.
# Builds what is missing, creates the databases of 1k, 100k and 1M made-up
# customers once (cached in BUILD_DIR/tests/bench/db, remade when the
# made-up data or what core stores for a customer changes; delete that
# folder to force it), then times search on 100k and 1M and, under Xvfb, the
# first frame of a bare window and of Dangol at each size: on the Customers
# page with rows, and on the Today page the app opens on.
#   DG_BENCH_SIZES         customer counts to make and time ("1000 100000
#                          1000000"); e.g. "1000 100000" skips the 1M
#                          database, which takes minutes to make
#   DG_BENCH_RUNS          fresh processes per first-frame figure (7)
#   DG_BENCH_ITERATIONS    runs of each query on 100k customers (100)
#   DG_BENCH_ITERATIONS_1M runs of each query on 1M customers (20)
set -eu

# Korean text in the output, and the same collation as the tests.
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

# Inside Xvfb: time each window kind in rounds, so that a slow moment of
# the machine hits all kinds alike, after one round that warms the caches.
# Kinds: bare, customers-N (the Customers page with rows) and today-N (the
# Today page), N a customer count.
if [ "${1:-}" = "--frames" ]; then
  bench=$2
  dbdir=$3
  runs=$4
  out=$5
  kinds=$6
  : > "$out"
  round=0
  while [ "$round" -le "$runs" ]; do
    for kind in $kinds; do
      case $kind in
        bare) set -- --mode=bare ;;
        customers-*) set -- --mode=dangol --page=customers "--db=$dbdir/customers-${kind#customers-}.db" ;;
        today-*) set -- --mode=dangol --page=today "--db=$dbdir/customers-${kind#today-}.db" ;;
      esac
      line=$("$bench/dg-bench-first-frame" --runs=1 "$@")
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
  all|search|frames) ;;
  *) echo "Usage: $0 [BUILD_DIR [search|frames]]" >&2; exit 2 ;;
esac
runs=${DG_BENCH_RUNS:-7}
iterations=${DG_BENCH_ITERATIONS:-100}
iterations_1m=${DG_BENCH_ITERATIONS_1M:-20}
sizes=${DG_BENCH_SIZES:-1000 100000 1000000}

for tool in xvfb-run dbus-run-session; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing: run build-aux/deps.sh" >&2
    exit 1
  fi
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >/dev/null
fi

bench=$build/tests/bench

# Only what the benchmarks run, so that work in progress elsewhere in the
# tree does not stop them; the first frame needs the GTK app and its schema.
targets="tests/bench/dg-bench-generate tests/bench/dg-bench-search"
if grep -q '^build tests/bench/dg-bench-first-frame:' "$build/build.ninja"; then
  targets="$targets tests/bench/dg-bench-first-frame data/gschemas.compiled"
elif [ "$part" != search ]; then
  echo "$build has no GTK app (-Dgui=false): timing search only" >&2
  part=search
fi
# shellcheck disable=SC2086
ninja -C "$build" $targets >/dev/null
dbdir=$bench/db
mkdir -p "$dbdir"

# What the stored data depends on: the made-up customers, and what core
# writes for one (a digest of the rows it stores for a few hundred). A new
# migration that only adds tables needs no new data: opening the database
# applies it, before anything is timed.
stamp="$("$bench/dg-bench-generate" --fingerprint) $(cksum < "$here/dg-bench-data.c")"

for n in $sizes; do
  db=$dbdir/customers-$n.db
  if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "Creating $db"
    # A write-ahead log left beside a new file would be replayed into it.
    rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
    "$bench/dg-bench-generate" --count "$n" --output "$db"
    echo "$stamp" > "$db.stamp"
  fi
done

# Prints "yes" when $1 <= $2.
at_most () {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "NO" }'
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

target () {
  printf '%-44s %6s %7s  %s\n' "$1" "$2" "<= $3" "$(at_most "$2" "$3")"
}

# Times every query on 100k and 1M customers; leaves "size worst-ratio"
# lines in $search_summary.
run_search () {
  echo
  echo "== Search latency (target: API p99 <= 2x the same SQL run alone)"
  for n in 100000 1000000; do
    case " $sizes " in *" $n "*) ;; *) continue ;; esac
    echo
    n_runs=$iterations
    [ "$n" -lt 1000000 ] || n_runs=$iterations_1m
    "$bench/dg-bench-search" --db "$dbdir/customers-$n.db" --iterations "$n_runs" \
      | tee "$bench/search-$n.txt"
    worst=$(sed -n 's/^worst p99 ratio: \([0-9.]*\).*/\1/p' "$bench/search-$n.txt")
    search_summary="$search_summary$n $worst
"
  done
}

# The median of every field per window kind, as "kind field=value ...".
frame_medians () {
  awk -v kinds="$2" '
    { kind = $1
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        names[i] = kv[1]; n[kind, kv[1]]++; v[kind, kv[1], n[kind, kv[1]]] = kv[2]
      }
      nf = NF }
    END {
      nk = split(kinds, order, " ")
      for (k = 1; k <= nk; k++) {
        kind = order[k]; line = kind
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

# A short name for a customer count: 1000 → 1k, 1000000 → 1M.
size_name () {
  case $1 in
    *000000) echo "${1%000000}M" ;;
    *000) echo "${1%000}k" ;;
    *) echo "$1" ;;
  esac
}

# Times the first frame of each window kind; leaves the medians in $medians.
run_frames () {
  echo
  echo "== First frame (median of $runs fresh processes, ms, Xvfb, GSK_RENDERER=cairo)"
  frames=$bench/first-frame.txt
  kinds="bare"
  for n in $sizes; do kinds="$kinds customers-$n"; done
  for n in $sizes; do kinds="$kinds today-$n"; done
  env GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
      GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
      LANGUAGE=en \
      xvfb-run -a -s "-screen 0 1920x1080x24" \
      dbus-run-session -- "$here/run-bench.sh" --frames "$bench" "$dbdir" "$runs" "$frames" "$kinds" \
      2> "$bench/first-frame.log" || { cat "$bench/first-frame.log" >&2; exit 1; }
  medians=$(frame_medians "$frames" "$kinds")

  printf '%-26s %8s %8s %8s %8s %8s %8s %8s\n' "" exec startup window frame rows total cpu
  for kind in $kinds; do
    case $kind in
      bare) label="bare AdwApplication" ;;
      customers-*) label="Customers, $(size_name "${kind#customers-}")" ;;
      today-*) label="Today, $(size_name "${kind#today-}")" ;;
    esac
    printf '%-26s %8s %8s %8s %8s %8s %8s %8s\n' "$label" \
      "$(field "$kind" exec)" "$(field "$kind" startup)" "$(field "$kind" window)" \
      "$(field "$kind" frame)" "$(field "$kind" rows)" "$(field "$kind" total)" "$(field "$kind" cpu)"
  done
  echo "(exec: spawn to main; startup: main to activate, with GTK, the bus name"
  echo " and the database; window: building the window; frame: to its first frame;"
  echo " rows: until a frame shows rows in the list (Customers) or the page"
  echo " (Today); total: spawn to that frame; cpu: processor time the process"
  echo " used until then)"
}

search_summary=""
medians=""
[ "$part" = frames ] || run_search
[ "$part" = search ] || run_frames

echo
echo "== Targets"
printf '%-44s %6s %7s  %s\n' "" ratio target met
echo "$search_summary" | while read -r n worst; do
  case $n in
    100000) target "search p99, API / SQL alone, 100k (worst)" "$worst" 2.0 ;;
    1000000) target "search p99, API / SQL alone, 1M (worst)" "$worst" 2.0 ;;
  esac
done
if [ -n "$medians" ]; then
  bare=$(field bare total)
  has () { case " $sizes " in *" $1 "*) return 0 ;; esac; return 1; }
  if has 100000; then
    target "first frame, Customers 100k / bare window" \
      "$(ratio "$(field customers-100000 total)" "$bare")" 1.2
  fi
  if has 1000; then
    target "first frame, Customers 1k / bare window" \
      "$(ratio "$(field customers-1000 total)" "$bare")" 1.3
    for n in 100000 1000000; do
      has $n || continue
      target "first frame, Customers $(size_name $n) / Customers 1k" \
        "$(ratio "$(field customers-$n total)" "$(field customers-1000 total)")" 1.1
      target "first frame, Today $(size_name $n) / Today 1k" \
        "$(ratio "$(field today-$n total)" "$(field today-1000 total)")" 1.1
    done
  fi
fi
