#!/bin/sh
# Installs what a fresh Debian 12 needs to build, run and test Dangol.
# Idempotent, and silent when everything is already there.
set -eu

# notification-daemon, x11-apps (xwd) and netpbm take the screenshots of
# tests/screenshot-notification.sh; python3-gi, gir1.2-atspi-2.0 and
# at-spi2-core (the accessibility bus) run tests/test-a11y.py.
# python3-vobject and python3-icalendar read the vCard and iCalendar
# exports in the tests, and poppler-utils (pdfinfo, pdftotext) the PDF of
# the journey maps, as readers independent of the libraries that wrote
# them.
packages="
  meson ninja-build pkg-config gcc clang libclang-rt-14-dev
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libnotify-dev libicu-dev
  libebook-contacts1.2-dev libical-dev
  sqlite3 librsvg2-common gettext desktop-file-utils appstream
  xvfb xauth xdotool dbus dbus-x11 python3 python3-dbusmock
  python3-gi gir1.2-atspi-2.0 at-spi2-core
  fonts-nanum fonts-cantarell adwaita-icon-theme locales
  notification-daemon x11-apps netpbm
  python3-vobject python3-icalendar poppler-utils
"

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

# Korean dates and month names need the ko_KR locale generated.
if ! locale -a 2>/dev/null | grep -qi '^ko_KR\.utf-\?8$'; then
  echo "Generating the ko_KR.UTF-8 locale"
  if [ -f /etc/locale.gen ] && grep -q '^# *ko_KR.UTF-8' /etc/locale.gen; then
    $sudo sed -i 's/^# *\(ko_KR.UTF-8\)/\1/' /etc/locale.gen
  elif ! grep -q '^ko_KR.UTF-8' /etc/locale.gen 2>/dev/null; then
    echo 'ko_KR.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  fi
  $sudo locale-gen >/dev/null
fi
