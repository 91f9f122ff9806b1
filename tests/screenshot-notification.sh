#!/bin/sh
# Screenshots of a reminder run: Dangol's window with the notifications a
# real notification daemon (Debian's notification-daemon) draws for the
# follow-ups due, in English and Korean, as OUT_DIR/notification-LANG.png
# and, for seven due at once, OUT_DIR/notification-summary-LANG.png, and
# the morning agenda as OUT_DIR/notification-agenda-LANG.png.
#
# usage: tests/screenshot-notification.sh BUILD_DIR [OUT_DIR]
# OUT_DIR defaults to BUILD_DIR/screenshots. Needs xvfb-run, dbus-run-session,
# notification-daemon, xdotool, xwd (x11-apps) and netpbm (build-aux/deps.sh).
#
# Not part of `meson test`: what a daemon draws, and when, is the daemon's
# business, so this waits for its windows rather than for a signal.
set -eu

if [ "${1:-}" = "--inside" ]; then
  shift
  build=$1 out=$2 lang=$3 name=$4
  shift 4

  daemon=/usr/lib/notification-daemon/notification-daemon
  "$daemon" &
  daemon_pid=$!
  demo_pid=
  cleanup() {
    [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null || true
    kill "$daemon_pid" 2>/dev/null || true
  }
  trap cleanup EXIT

  gdbus wait --session --timeout 30 org.freedesktop.Notifications

  fifo=$(mktemp -u)
  mkfifo "$fifo"
  DANGOL_TEST_LANG=$lang LANGUAGE=$lang LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    "$build/tests/dg-notification-demo" "$@" >"$fifo" &
  demo_pid=$!
  if ! grep -q -m1 '^ready$' "$fifo"; then
    echo "dg-notification-demo did not get ready" >&2
    exit 1
  fi
  rm -f "$fifo"

  # notification-daemon shows one popup at a time and queues the others:
  # wait for the first.
  tries=0
  while [ "$(xdotool search --onlyvisible --class notification 2>/dev/null | wc -l)" -lt 1 ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ]; then
      echo "notification-daemon showed no popups" >&2
      exit 1
    fi
    sleep 0.1
  done
  # Let the popups paint their first frame.
  sleep 1

  xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$out/$name-$lang.png"
  echo "Saved $out/$name-$lang.png"
  exit 0
fi

build=$(cd "${1:?usage: $0 BUILD_DIR [OUT_DIR]}" && pwd)
out=${2:-$build/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
self="$src/tests/screenshot-notification.sh"

# The app's icon for the daemon to find, as if installed.
icons=$(mktemp -d)
trap 'rm -rf "$icons"' EXIT
mkdir -p "$icons/icons/hicolor/scalable/apps"
cp "$src/data/icons/hicolor/scalable/apps/io.github.dangol.Dangol.svg" "$icons/icons/hicolor/scalable/apps/"

export XDG_DATA_DIRS="$icons:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSETTINGS_BACKEND=memory
export DANGOL_LOCALEDIR="$build/po"
export DANGOL_DATADIR="$build/data"
export GSK_RENDERER=cairo
export GTK_A11Y=none
export NO_AT_BRIDGE=1

for lang in en ko; do
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    sh "$self" --inside "$build" "$out" "$lang" notification
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    sh "$self" --inside "$build" "$out" "$lang" notification-summary --many
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    sh "$self" --inside "$build" "$out" "$lang" notification-agenda --agenda
done
