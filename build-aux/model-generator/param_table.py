# Prints the guide's parameter table from the model file:
#   python3 param_table.py MODEL.xmile
# Every constant with an uncertainty range that is not a lever is a parameter; "fitted" marks the
# ones arraigo-sim calibrate fits. Not part of the project: run by hand.
import re
import sys
import xml.etree.ElementTree as ET

NS = {"x": "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0", "a": "https://arraigo.github.io/xmile/1.0"}
NUMBER = re.compile(r"^-?[0-9.]+(e[-+]?[0-9]+)?$")


def fmt(text):
    return f"{float(text):.4g}"


rows = []
for aux in ET.parse(sys.argv[1]).getroot().iterfind(".//x:aux", NS):
    unc = aux.find("a:uncertainty", NS)
    if unc is None or aux.find("x:gf", NS) is not None or aux.find("a:lever", NS) is not None:
        continue
    eqns = [e.findtext("x:eqn", "", NS) for e in aux.iterfind("x:element", NS)] or [aux.findtext("x:eqn", "", NS)]
    if not all(NUMBER.match(e.strip()) for e in eqns):
        continue
    rng = f"{float(unc.get('min')):g}-{float(unc.get('max')):g}"
    if unc.get("relative") == "true":
        rng += " ×"
    doc = (aux.findtext("x:doc", "", NS) or "").strip().replace("|", "/")
    if aux.find("a:calibrate", NS) is not None:
        doc = "**fitted** " + doc
    rows.append(f"| {aux.get('name')} | {', '.join(fmt(e) for e in eqns)} | {aux.findtext('x:units', 'dmnl', NS)} | {rng} | {doc} |")
print("| parameter | value (GT, HN, SV) | units | range | source |")
print("|---|---|---|---|---|")
print("\n".join(rows))
print(f"\n{len(rows)} parameters.")
