#!/bin/sh
# Writes the version 2 draft from the generator: ./build.sh OUT.xmile
# (the first draft was written this way; the XMILE file is what the app,
# arraigo-sim and PySD read, and calibrate --write edits it in place).
set -e
here=$(dirname "$0")
out=$1
{
cat <<'HDR'
<?xml version="1.0" encoding="UTF-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:arraigo="https://arraigo.github.io/xmile/1.0">
  <header>
    <name>Northern Triangle migration</name>
    <vendor>Arraigo</vendor>
    <product version="0.2.0" lang="en">Arraigo</product>
    <author>The Arraigo developers</author>
    <caption>Migration from Guatemala, Honduras and El Salvador to the United States, 2012-2045: an explanatory system-dynamics model, not a forecast.</caption>
    <arraigo:model name-es="Migración del Triángulo Norte" caption-es="Migración de Guatemala, Honduras y El Salvador a Estados Unidos, 2012-2045: un modelo explicativo de dinámica de sistemas, no un pronóstico."/>
HDR
(cd "$here" && python3 sources.py)
cat <<'HDR'
  </header>
  <sim_specs method="Euler" time_units="Year">
    <start>2012</start>
    <stop>2045</stop>
    <dt reciprocal="true">16</dt>
  </sim_specs>
  <dimensions>
    <dim name="Country">
      <elem name="Guatemala"/>
      <elem name="Honduras"/>
      <elem name="El Salvador"/>
    </dim>
  </dimensions>
  <model>
    <variables>
HDR
(cd "$here" && python3 model.py)
cat <<'FTR'
    </variables>
  </model>
</xmile>
FTR
} > "$out"
python3 "$here/portable.py" "$out"
