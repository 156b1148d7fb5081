#!/bin/sh
# Drags a real slider in a real window with xdotool and checks that the
# charts change. Needs an X display (xvfb-run) and xdotool; skips otherwise.
set -eu
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: skipping"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipping"; exit 77; }
command -v compare >/dev/null || { echo "no ImageMagick: skipping"; exit 77; }

APP=$1
OUT=$2
mkdir -p "$OUT"
"$APP" & APID=$!
trap 'kill $APID 2>/dev/null || true' EXIT

xdotool search --sync --onlyvisible --name 'Arraigo' >/dev/null
sleep 1.5
import -window root "$OUT/before.png"
# The Aid budget slider is the first one at the top of the lever panel:
# drag its knob to the right, as a user would.
xdotool mousemove 60 185 mousedown 1 mousemove 150 185 mousemove 250 185 mouseup 1
sleep 1
import -window root "$OUT/after.png"
CHANGED=$(compare -metric AE "$OUT/before.png" "$OUT/after.png" null: 2>&1 || true)
echo "pixels changed by the drag: $CHANGED"
[ "${CHANGED%%.*}" -gt 2000 ]
