#!/bin/sh
# Installs what is missing, builds Dangol and runs every test: the whole suite
# under Xvfb and a private D-Bus session, then the core tests again in a build
# with AddressSanitizer and UndefinedBehaviorSanitizer. Exits non-zero on any
# failure; the last line of output is "N passed, N failed[, N skipped]".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
asan="$top/build-asan"

"$top/build-aux/deps.sh" || { echo "0 passed, 1 failed"; exit 1; }

status=0
logs=""

setup () {
  dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$top" "$@" || return 1
  fi
  meson compile -C "$dir"
}

if setup "$build"; then
  xvfb-run -a -s '-screen 0 1600x1000x24' \
    dbus-run-session -- meson test -C "$build" --print-errorlogs --num-processes 2 || status=1
  logs="$logs $build/meson-logs/testlog.json"
else
  echo "The build failed."
  status=1
fi

if setup "$asan" -Dgui=false -Dbenchmarks=false -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
  meson test -C "$asan" --suite core --print-errorlogs --num-processes 2 || status=1
  logs="$logs $asan/meson-logs/testlog.json"
else
  echo "The sanitizer build failed."
  status=1
fi

summary=$(/usr/bin/python3 "$top/build-aux/count-tests.py" $logs)
count_status=$?
[ $count_status -eq 0 ] || status=1
[ $status -eq 0 ] || case "$summary" in *" 0 failed"*) summary=$(echo "$summary" | sed 's/ 0 failed/ 1 failed/') ;; esac
echo "$summary"
exit $status
