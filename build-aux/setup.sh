#!/bin/sh
# Installs every Debian 12 package Arraigo needs to build, run and test.
# Idempotent; downloads nothing but Debian packages. Run as root.
set -eu

packages="
  build-essential meson ninja-build pkg-config
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libgsl-dev
  libjson-glib-dev zlib1g-dev
  gettext desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-x11 at-spi2-core imagemagick xdotool
  librsvg2-common libgtk-4-bin fonts-cantarell fonts-dejavu-core
  valgrind clang libclang-rt-14-dev
  python3-numpy python3-pandas python3-xarray python3-scipy
  python3-parsimonious python3-lark python3-regex python3-chardet
  python3-openpyxl python3-progressbar2 python3-netcdf4 python3-lxml
  python3-sortedcontainers
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages:$missing" >&2
    echo "setup: run this script as root to install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi
