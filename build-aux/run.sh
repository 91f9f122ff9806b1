#!/bin/sh
# Installs what is missing, builds Dangol and starts it on the default
# database ($XDG_DATA_HOME/dangol/dangol.db). Arguments go to dangol,
# e.g. build-aux/run.sh --db /tmp/try.db
# build-aux/run.sh --demo starts it on a new temporary database filled with
# the demo data of seeds/ (moved to today), removed when Dangol ends.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"

"$top/build-aux/deps.sh"

log="$build/run-build.log"
mkdir -p "$build"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
# Quiet when it works, the whole compiler output when it does not.
meson compile -C "$build" >"$log" 2>&1 || { cat "$log"; exit 1; }

export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export DANGOL_LOCALEDIR="$build/po"
export DANGOL_SEEDS_DIR="$top/seeds"
if [ "${1-}" = "--demo" ]; then
  shift
  demo=$(mktemp -d "${TMPDIR:-/tmp}/dangol-demo-XXXXXX")
  trap 'rm -rf "$demo"' EXIT
  trap 'exit 130' INT TERM
  echo "Demo database: $demo/dangol.db (removed when Dangol ends)"
  # The owner's settings stay untouched: a custom backup folder would
  # otherwise receive the demo's automatic backup for the day.
  export GSETTINGS_BACKEND=memory
  status=0
  "$build/src/dangol" --db "$demo/dangol.db" --demo "$@" || status=$?
  exit $status
fi
exec "$build/src/dangol" "$@"
