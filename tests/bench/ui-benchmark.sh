#!/bin/sh
# Median and 95th-percentile time from a lever change to the frame that shows
# it, four charts at 1920x1080, under Xvfb when there is no display.
set -eu
APP=$1
if [ -n "${DISPLAY:-}" ]; then
  exec "$APP" --benchmark 300
fi
command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: skipping"; exit 77; }
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$APP" --benchmark 300
