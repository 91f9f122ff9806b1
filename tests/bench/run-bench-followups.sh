#!/bin/sh
# Runs the follow-up and reminder benchmarks and prints the figures with
# their targets:
#   tests/bench/run-bench-followups.sh [BUILD_DIR [queries|idle]]
# BUILD_DIR defaults to build-bench; the second argument runs only one part.
# Builds what is missing, creates a database of 100k made-up customers and
# 1M follow-ups once (cached in BUILD_DIR/tests/bench/db, remade when the
# schema or what core stores for the made-up rows changes; delete that
# folder to force it), then
#  - queries: times the calendar's month query, its per-day counts, the
#    reminders' "next due" query and their collection of what is due, each
#    through the API and as the same SQL run alone, with their query plans;
#  - idle: starts the real app with --background on a copy of the database
#    (under Xvfb and a D-Bus session with a notification daemon), lets it
#    settle and measures its processor time and wake-ups over a window.
#   BENCH_IDLE_SECONDS     length of the idle window (600)
#   BENCH_SETTLE_SECONDS   wait between the app's first check and the window (30)
#   DG_BENCH_ITERATIONS    samples of each query (200)
#   DG_BENCH_CUSTOMERS     customers in the database (100000)
#   DG_BENCH_FOLLOWUPS     follow-ups in the database (1000000)
set -eu

export LC_ALL=C.UTF-8
# The all-day follow-ups of the made-up data are stored for this zone, and
# an app in another one would first rewrite them all.
export TZ=Asia/Seoul

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

# One line per thread of process $1: "thread TID NAME VOLUNTARY INVOLUNTARY
# RUN_NS", after "cpu TICKS" (utime + stime of the whole process, exited
# threads included) and "uptime SECONDS".
snapshot () {
  echo "uptime $(cut -d' ' -f1 /proc/uptime)"
  echo "cpu $(sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }')"
  for task in /proc/"$1"/task/*; do
    echo "thread ${task##*/} $(tr ' ' _ < "$task/comm")" \
      "$(awk '/^voluntary_ctxt_switches/ { v = $2 } /^nonvoluntary_ctxt_switches/ { n = $2 }
              END { print v, n }' "$task/status")" \
      "$(cut -d' ' -f1 "$task/schedstat")"
  done 2>/dev/null || true
}

# How many Notify calls the mock notification daemon received: it lists
# them as (timestamp, [arguments]).
count_notifications () {
  gdbus call --session --dest org.freedesktop.Notifications \
    --object-path /org/freedesktop/Notifications \
    --method org.freedesktop.DBus.Mock.GetMethodCalls Notify 2>/dev/null \
    | grep -o '[0-9], \[<' | wc -l
}

# Inside Xvfb and a D-Bus session: starts a notification daemon and the app
# with --background, waits for its first reminder check and for it to
# settle, then measures the window. Leaves key=value lines in $out.
if [ "${1:-}" = "--idle" ]; then
  dangol=$2
  db=$3
  seconds=$4
  settle=$5
  out=$6
  log=$7

  /usr/bin/python3 -m dbusmock --session -t notification_daemon > "$log.daemon" 2>&1 &
  daemon=$!
  gdbus wait --session --timeout 30 org.freedesktop.Notifications

  # Debug messages go to stdout, warnings to stderr.
  G_MESSAGES_DEBUG="Dangol-Core Dangol-Ui" "$dangol" --background --db "$db" > "$log" 2>&1 &
  pid=$!

  waited=0
  until grep -q "Reminder check 1 done" "$log"; do
    if [ "$waited" -ge 300 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "Dangol did not make its first reminder check:" >&2
      cat "$log" >&2
      kill "$pid" "$daemon" 2>/dev/null || true
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "started_after=$waited" > "$out"
  sleep "$settle"

  snapshot "$pid" > "$out.before"
  checks_before=$(grep -c "Reminder check [0-9]* done" "$log" || true)
  due_before=$(grep -c "reminders due" "$log" || true)
  shown_before=$(count_notifications)

  # perf counts the context switches of every thread, also of threads that
  # start and end within the window, which /proc cannot show afterwards.
  if command -v perf >/dev/null 2>&1 \
     && perf stat -x, -e task-clock,context-switches -p "$pid" -o "$out.perf" -- sleep "$seconds" 2>/dev/null; then
    :
  else
    rm -f "$out.perf"
    sleep "$seconds"
  fi

  snapshot "$pid" > "$out.after"
  checks_after=$(grep -c "Reminder check [0-9]* done" "$log" || true)
  due_after=$(grep -c "reminders due" "$log" || true)
  shown_after=$(count_notifications)

  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kill "$daemon" 2>/dev/null || true
  wait "$daemon" 2>/dev/null || true

  {
    echo "checks=$((checks_after - checks_before))"
    echo "due_checks=$((due_after - due_before))"
    echo "notifications=$((shown_after - shown_before))"
    awk -v ticks="$(getconf CLK_TCK)" '
      FNR == 1 { file++ }
      $1 == "uptime" { up[file] = $2 }
      $1 == "cpu" { cpu[file] = $2 }
      $1 == "thread" { name[$2] = $3; vol[file, $2] = $4; inv[file, $2] = $5; run[file, $2] = $6
                       seen[file, $2] = 1 }
      END {
        printf "window=%.1f\n", up[2] - up[1]
        printf "cpu_s=%.2f\n", (cpu[2] - cpu[1]) / ticks
        for (t in name) {
          if (!seen[1, t] || !seen[2, t]) { others++; continue }
          v = vol[2, t] - vol[1, t]; n = inv[2, t] - inv[1, t]
          wake += v; involuntary += n; run_ns += run[2, t] - run[1, t]
          if (v > 0) threads = threads sprintf("%s%s:%d", threads ? "," : "", name[t], v)
        }
        printf "wakeups=%d\ninvoluntary=%d\nrun_ms=%.1f\n", wake, involuntary, run_ns / 1e6
        printf "threads=%s\nthreads_changed=%d\n", threads ? threads : "none", others
      }' "$out.before" "$out.after"
    if [ -f "$out.perf" ]; then
      awk -F, '$3 == "task-clock" { printf "perf_cpu_ms=%.1f\n", $1 }
               $3 == "context-switches" { printf "perf_switches=%d\n", $1 }' "$out.perf"
    fi
  } >> "$out"
  exit 0
fi

build=${1:-$src/build-bench}
part=${2:-all}
case $part in
  all|queries|idle) ;;
  *) echo "Usage: $0 [BUILD_DIR [queries|idle]]" >&2; exit 2 ;;
esac
iterations=${DG_BENCH_ITERATIONS:-200}
customers=${DG_BENCH_CUSTOMERS:-100000}
followups=${DG_BENCH_FOLLOWUPS:-1000000}
idle_seconds=${BENCH_IDLE_SECONDS:-600}
settle_seconds=${BENCH_SETTLE_SECONDS:-30}

for tool in xvfb-run dbus-run-session gdbus; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing: run build-aux/deps.sh" >&2
    exit 1
  fi
done
if ! /usr/bin/python3 -c 'import dbusmock' 2>/dev/null; then
  echo "python3-dbusmock is missing: run build-aux/deps.sh" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >/dev/null
fi
meson compile -C "$build" >/dev/null

bench=$build/tests/bench
dbdir=$bench/db
mkdir -p "$dbdir"

# What the stored data depends on: the schema, and what core writes for
# the made-up rows (a digest of a few thousand of them).
stamp="$("$bench/dg-bench-followups" fingerprint) customers $customers followups $followups"
db=$dbdir/followups-$customers-$followups.db
if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "Creating $db"
  # A write-ahead log left beside a new file would be replayed into it.
  rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
  "$bench/dg-bench-followups" generate --customers "$customers" --followups "$followups" --output "$db"
  echo "$stamp" > "$db.stamp"
fi

# Prints "yes" when $1 <= $2.
at_most () {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "NO" }'
}

row () {
  printf '%-40s %10s %10s %8s %8s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
}

# A row whose value $4 is held to at most $5.
target () {
  row "$1" "$2" "$3" "$4" "<= $5" "$(at_most "$4" "$5")"
}

value () {
  sed -n "s/^$1=//p" "$2"
}

load () {
  echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors)"
}

run_queries () {
  echo
  echo "== Queries on $followups follow-ups (target: API p99 <= 2x the same SQL run alone)"
  load
  echo
  "$bench/dg-bench-followups" queries --db "$db" --iterations "$iterations" \
    | tee "$bench/followups-queries.txt"
}

run_idle () {
  idle_db=$bench/followups-idle.db
  idle_out=$bench/followups-idle.txt

  echo
  echo "== Idle background instance ($idle_seconds s window after $settle_seconds s settling)"
  load
  rm -f "$idle_db" "$idle_db-wal" "$idle_db-shm"
  cp "$db" "$idle_db"
  # The data stops at a fixed "now": what fell due since is recorded as
  # shown, as an instance that ran all along would have done.
  "$bench/dg-bench-followups" settle --db "$idle_db"

  env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
      GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LANGUAGE=en \
      xvfb-run -a -s "-screen 0 1280x800x24" \
      dbus-run-session -- "$here/run-bench-followups.sh" --idle "$build/src/dangol" \
        "$idle_db" "$idle_seconds" "$settle_seconds" "$idle_out" "$bench/followups-idle.log" \
      2> "$bench/followups-idle.err" || { cat "$bench/followups-idle.err" >&2; exit 1; }

  window=$(value window "$idle_out")
  minutes=$(awk -v w="$window" 'BEGIN { print w / 60 }')
  per_minute () {
    awk -v n="$1" -v m="$minutes" 'BEGIN { printf "%.2f", n / m }'
  }
  cpu_s=$(value cpu_s "$idle_out")
  perf_cpu=$(value perf_cpu_ms "$idle_out")
  # perf's count is exact; the kernel's utime+stime comes in 10 ms ticks.
  if [ -n "$perf_cpu" ]; then
    cpu_pct=$(awk -v c="$perf_cpu" -v w="$window" 'BEGIN { printf "%.4f", 100 * c / 1000 / w }')
  else
    cpu_pct=$(awk -v c="$cpu_s" -v w="$window" 'BEGIN { printf "%.4f", 100 * c / w }')
  fi
  checks=$(value checks "$idle_out")
  due_checks=$(value due_checks "$idle_out")
  wakeups=$(value wakeups "$idle_out")
  perf_switches=$(value perf_switches "$idle_out")

  echo "first reminder check $(value started_after "$idle_out") s after start"
  echo "window                     $window s"
  echo "processor time             $cpu_s s (utime+stime, 10 ms ticks)"
  [ -z "$perf_cpu" ] || echo "                           $perf_cpu ms (perf task-clock, all threads)"
  echo "                           = $cpu_pct % of one core"
  echo "reminder checks            $checks ($(per_minute "$checks")/min), of which found reminders due: $due_checks"
  echo "notifications shown        $(value notifications "$idle_out")"
  echo "thread wake-ups            $wakeups voluntary context switches ($(per_minute "$wakeups")/min)," \
       "$(value involuntary "$idle_out") involuntary"
  echo "  per thread               $(value threads "$idle_out")"
  [ -z "$perf_switches" ] || echo "                           $perf_switches context switches (perf, all threads)"

  # Wake-ups of the reminder clock itself: every check, less the two that
  # each due batch brings (the one that found it, and the one after its
  # notification was recorded as shown).
  clock_checks=$((checks - 2 * due_checks))
  [ "$clock_checks" -ge 0 ] || clock_checks=0
  idle_summary="$cpu_pct $(per_minute "$checks") $(per_minute "$clock_checks") $(per_minute "$wakeups")"
}

idle_summary=""
[ "$part" = idle ] || run_queries
[ "$part" = queries ] || run_idle

echo
echo "== Targets"
load
if [ "$part" != idle ]; then
  row "" "API p99" "SQL p99" ratio target met
  for key in month-list month-counts next-wakeup collect-due; do
    # result KEY ROWS API_P50 API_P99 SQL_P50 SQL_P99 P50_RATIO P99_RATIO CPU_RATIO BOUND
    set -- $(grep "^result $key " "$bench/followups-queries.txt")
    case $key in
      month-list) label="month list, 6 weeks ($3 rows), ms" ;;
      month-counts) label="month counts, 42 days ($3 rows), ms" ;;
      next-wakeup) label="next due (reminders), ms" ;;
      collect-due) label="collect due ($3 due), ms" ;;
    esac
    target "$label" "$5" "$7" "$9" 2.0
  done
  bound=$(sed -n 's/^all index-bound: //p' "$bench/followups-queries.txt")
  row "all four index-bound (query plans)" "" "" "$bound" yes "$bound"
fi
if [ -n "$idle_summary" ]; then
  set -- $idle_summary
  echo
  row "idle, ${idle_seconds} s window" "" "" value target met
  target "processor time, % of one core" "" "" "$1" 0.1
  target "reminder clock wake-ups per minute" "" "" "$3" 1.05
  row "reminder checks per minute, all" "" "" "$2" "" ""
  row "thread wake-ups per minute, all threads" "" "" "$4" "" ""
fi
