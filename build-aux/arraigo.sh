#!/bin/sh
# The README's two commands:
#   build-aux/arraigo.sh run    install packages, build, open the window
#   build-aux/arraigo.sh test   install packages, build, run every test headless
# Both are idempotent and download nothing but Debian packages.
set -eu

cd "$(dirname "$0")/.."
here=$(pwd)

"$here/build-aux/setup.sh"

export LANG="${LANG:-C.UTF-8}"
[ "$LANG" = "C" ] || [ "$LANG" = "POSIX" ] && export LANG=C.UTF-8

configure () {
  dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

case "${1:-}" in
  run)
    configure build
    shift
    ARRAIGO_UNINSTALLED=1 GSETTINGS_SCHEMA_DIR="$here/build/data" exec "$here/build/src/arraigo" "$@"
    ;;
  test)
    # Sanitizers first: the engine, charts and window under ASan and UBSan.
    configure build-asan -Db_sanitize=address,undefined -Db_lundef=false
    dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
      meson test -C build-asan --print-errorlogs --suite unit --suite model --suite render --suite ui
    # The engine's tests under valgrind too.
    configure build -Dwerror=true
    meson test -C build --setup valgrind --print-errorlogs --suite unit
    # Then the whole suite on the normal build, ending with meson's summary.
    dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
      meson test -C build --print-errorlogs
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
