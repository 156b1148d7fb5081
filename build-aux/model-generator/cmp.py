import csv, subprocess, sys, io
M = sys.argv[1]
extra = sys.argv[2:]
C = ["Guatemala", "Honduras", "El Salvador"]
vars_ = ["Encounters[%s]" % c for c in C] + ["Total asylum backlog", "Total diaspora", "Total returns from Mexico",
         "Encounters of children[Honduras]", "Encounters of families[Guatemala]", "Encounters of families[Honduras]", "Repeat encounters[Honduras]", "Total voluntary return", "Average smuggling fee", "Backlog years"]
r = subprocess.run(["build/src/arraigo-sim", "run", M, "--save-step", "0.0625", "--vars", ",".join(vars_)] + extra, capture_output=True, text=True)
if r.returncode: print(r.stderr); sys.exit(1)
rows = list(csv.reader(io.StringIO(r.stdout)))
hdr = rows[0]; data = [[float(x) for x in row] for row in rows[1:]]
def col(name): return hdr.index(name)
def fyavg(name, fy):
    i = col(name); vals = [d[i] for d in data if fy - 1 + 0.75 <= d[0] < fy + 0.75]
    return sum(vals) / len(vals) if vals else float('nan')
obs = {}
for row in csv.DictReader(open("data/history/usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv")):
    obs[(int(row["fiscal_year"]), row["country"])] = float(row["usbp_sw_border_encounters"])
print("FY   " + "".join(f"{c[:9]:>19}" for c in C))
err = {c: {"fit": [], "check": []} for c in C}
for fy in range(2012, 2026):
    line = f"{fy} "
    for c in C:
        m = fyavg(f"Encounters[{c}]", fy); o = obs.get((fy, c))
        if o and fy <= 2024:
            e = abs(m - o) / o
            err[c]["fit" if fy <= 2019 else "check"].append(e)
            line += f"{m/1000:8.0f}k/{o/1000:4.0f}k {100*(m-o)/o:+4.0f}%"
        else:
            line += f"{m/1000:8.0f}k          "
    print(line)
for c in C:
    f = err[c]["fit"]; k = err[c]["check"]
    print(f"{c:12} MAPE fit 2012-19 {100*sum(f)/len(f):5.1f}%  check 2020-24 {100*sum(k)/len(k):5.1f}%")
for v in vars_[3:]:
    print(f"{v:40}", " ".join(f"{fyavg(v, fy):9.0f}" for fy in (2012, 2014, 2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2026, 2030, 2040)))
