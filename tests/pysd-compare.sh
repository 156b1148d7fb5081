#!/bin/sh
# The built-in model in PySD, an independent XMILE implementation
# (../shared/tools/xmile-in-pysd): every series must match arraigo-sim's.
#   pysd-compare.sh ARRAIGO-SIM MODEL.xmile XMILE-IN-PYSD
set -eu
sim=$1
model=$2
tool=$3
if [ ! -x "$tool" ]; then
  echo "no $tool (the shared folder beside the checkout): skipping"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Debian's python3-progressbar2 installs the module as "progressbar2";
# PySD imports it as "progressbar".
ln -s /usr/lib/python3/dist-packages/progressbar2 "$tmp/progressbar"
"$sim" run "$model" --save-step 0.25 --output "$tmp/arraigo.csv"
PYTHONPATH="$tmp" "$tool" "$model" --compare "$tmp/arraigo.csv" --rtol 1e-6 | tee "$tmp/report"
# The tool passes a series PySD did not produce; this test does not.
grep -q "(0 not in PySD's output); 0 differ" "$tmp/report"
