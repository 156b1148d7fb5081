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
    # Every meson test run below goes on even if an earlier one failed, so
    # the closing count covers them all; the exit status says if any did.
    status=0
    # Sanitizers first: the engine, charts and window under ASan and UBSan.
    configure build-asan -Db_sanitize=address,undefined -Db_lundef=false
    rm -f build-asan/meson-logs/testlog.json
    dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
      meson test -C build-asan --print-errorlogs --suite unit --suite model --suite render --suite ui \
      || status=1
    # The engine's tests under valgrind too.
    configure build -Dwerror=true
    rm -f build/meson-logs/testlog-valgrind.json build/meson-logs/testlog.json
    meson test -C build --setup valgrind --print-errorlogs --suite unit || status=1
    # Then the whole suite on the normal build.
    dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
      meson test -C build --print-errorlogs || status=1
    # One plain line summed over the three runs, from meson's own logs.
    "$here/build-aux/count-tests.sh" build-asan/meson-logs/testlog.json \
      build/meson-logs/testlog-valgrind.json build/meson-logs/testlog.json
    exit $status
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
