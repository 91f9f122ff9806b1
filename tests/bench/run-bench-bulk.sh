#!/bin/sh
# Times bulk actions on a selection and prints the figures with their
# target:
#   tests/bench/run-bench-bulk.sh [BUILD_DIR]
# BUILD_DIR defaults to build-bench. Builds what is missing, creates the
# database of made-up customers once (cached in BUILD_DIR/tests/bench/db
# beside run-bench.sh's, remade when the made-up data or what core stores
# for a customer changes), copies it (the benchmark writes and undoes) and
# times tagging, archiving, logging one contact for all and adding one
# follow-up for each on the selection, each against the same writes in
# plain SQL in one transaction.
#   DG_BENCH_CUSTOMERS  customers in the database (100000; 1000000 takes
#                       minutes to create)
#   DG_BENCH_SELECTED   customers selected (10000)
#   DG_BENCH_RUNS       timed runs of each action (5)
set -eu

export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build-bench}
n=${DG_BENCH_CUSTOMERS:-100000}
selected=${DG_BENCH_SELECTED:-10000}
runs=${DG_BENCH_RUNS:-5}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >/dev/null
fi

bench=$build/tests/bench
ninja -C "$build" tests/bench/dg-bench-generate tests/bench/dg-bench-bulk >/dev/null
dbdir=$bench/db
mkdir -p "$dbdir"

# The same cache key as run-bench.sh, so both share the database.
stamp="$("$bench/dg-bench-generate" --fingerprint) $(cksum < "$here/dg-bench-data.c")"
db=$dbdir/customers-$n.db
if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "Creating $db"
  rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
  "$bench/dg-bench-generate" --count "$n" --output "$db"
  echo "$stamp" > "$db.stamp"
fi

work=$dbdir/bulk-work.db
rm -f "$work" "$work-wal" "$work-shm"
cp "$db" "$work"
trap 'rm -f "$work" "$work-wal" "$work-shm"' EXIT

echo
echo "== Bulk actions (target: API <= 2x the same writes in plain SQL)"
"$bench/dg-bench-bulk" --db "$work" --selected "$selected" --runs "$runs" | tee "$bench/bulk-$n.txt"
worst=$(sed -n 's/^worst ratio: \([0-9.]*\).*/\1/p' "$bench/bulk-$n.txt")

echo
echo "== Targets"
printf '%-44s %6s %7s  %s\n' "" ratio target met
printf '%-44s %6s %7s  %s\n' "bulk action, API / plain SQL (worst)" "$worst" "<= 2.0" \
  "$(awk -v a="$worst" 'BEGIN { print (a <= 2.0) ? "yes" : "NO" }')"
