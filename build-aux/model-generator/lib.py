# Small helpers to write the XMILE model (not part of the project).
from xml.sax.saxutils import escape, quoteattr

C = ["Guatemala", "Honduras", "El Salvador"]
# Years never fitted that every calibration reports (FY2020-24: Title 42, COVID).
CHECK_WINDOW = "2020:2024"
out = []


def _meta(lever=None, unc=None, chart=None, calib=None):
    s = ""
    if lever:
        s += "        <arraigo:lever " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in lever.items()) + "/>\n"
    if unc:
        s += "        <arraigo:uncertainty " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in unc.items()) + "/>\n"
    if chart:
        s += "        <arraigo:chart " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in chart.items()) + "/>\n"
    if calib:
        s += f'        <arraigo:calibrate fit="{calib}" check="{CHECK_WINDOW}"/>\n'
    return s


def fmt(v):
    if isinstance(v, str):
        return v
    r = repr(float(v))
    if r.endswith(".0"):
        r = r[:-2]
    return r


def var(kind, name, eqn=None, units="dmnl", doc="", arr=False, per=None, gf=None,
        inflows=(), outflows=(), rng=None, lever=None, unc=None, chart=None, calib=None,
        non_negative=False):
    s = f"      <{kind} name={quoteattr(name)}>\n"
    if arr or per:
        s += '        <dimensions><dim name="Country"/></dimensions>\n'
    if per:
        for c in C:
            s += f"        <element subscript={quoteattr(c)}><eqn>{escape(fmt(per[c]))}</eqn></element>\n"
    else:
        s += f"        <eqn>{escape(fmt(eqn))}</eqn>\n"
    if gf:
        xs, ys = gf
        s += ('        <gf type="continuous"><xpts>' + ",".join(fmt(x) for x in xs) +
              "</xpts><ypts>" + ",".join(fmt(y) for y in ys) + "</ypts></gf>\n")
    for tag, names in (("inflow", inflows), ("outflow", outflows)):
        for f in names:
            # PySD reads a hyphenated flow name only quoted.
            ref = f'"{f.replace(" ", "_")}"' if "-" in f else f.replace(" ", "_")
            s += f"        <{tag}>{ref}</{tag}>\n"
    if non_negative:
        s += "        <non_negative/>\n"
    s += f"        <units>{escape(units)}</units>\n"
    s += f"        <doc>{escape(doc)}</doc>\n"
    if rng:
        s += f'        <range min="{fmt(rng[0])}" max="{fmt(rng[1])}"/>\n'
    s += _meta(lever, unc, chart, calib)
    s += f"      </{kind}>\n"
    out.append(s)


# Relative uncertainty of each dated history series: tight where the values
# are found in the data, wide where they are assumptions about a regime.
GF_UNCERTAINTY = {
    "Aid budget history": (0.95, 1.05),
    "Aid share local history": (0.8, 1.2),
    "Seasonal visas history": (0.95, 1.05),
    "Mexico enforcement history": (0.8, 1.2),
    "Family release history": (0.8, 1.1),
    "Child release history": (0.9, 1.05),
    "Adult release history": (0.5, 1.5),
    "Expulsion share history": (0.8, 1.1),
    "Title 42 share of expulsions history": (0.9, 1),
    "Court capacity history": (0.7, 1.3),
    "Interior removals history": (0.8, 1.2),
    "Announcement history": (0.9, 1.1),
    "Mobility history": (0.8, 1.2),
    "Court wait history": (0.8, 1.2),
    "Homicide rate history": (0.9, 1.1),
    "Historical income growth": (0.9, 1.1),
    "Historical shocks": (0.7, 1.3),
    "Other seasonal programmes": (0.95, 1.05),
}


def aux(name, eqn=None, **kw):
    if kw.get("gf") and kw.get("unc") is None:
        key = next(k for k in GF_UNCERTAINTY if name.startswith(k))
        lo, hi = GF_UNCERTAINTY[key]
        kw["unc"] = {"distribution": "uniform", "min": fmt(lo), "max": fmt(hi), "relative": "true"}
    var("aux", name, eqn, **kw)


def flow(name, eqn, **kw):
    kw.setdefault("arr", True)
    var("flow", name, eqn, **kw)


def stock(name, eqn, **kw):
    kw.setdefault("arr", True)
    var("stock", name, eqn, **kw)


def param(name, value, units, doc, lo, hi, dist="uniform", mode=None, calib=None, per=None, relative=True):
    """A named constant with its source (in doc) and uncertainty range."""
    unc = {"distribution": dist, "min": fmt(lo), "max": fmt(hi)}
    if mode is not None:
        unc["mode"] = fmt(mode)
    if per:
        if relative:
            unc["relative"] = "true"
        aux(name, per=per, units=units, doc=doc, unc=unc, calib=calib)
    else:
        aux(name, value, units=units, doc=doc, unc=unc, calib=calib)


def country_param(name, values, units, doc, lo, hi, calib=None, relative=True):
    """Per-country values; the range is relative unless relative=False."""
    param(name, None, units, doc, lo, hi, per=dict(zip(C, values)), calib=calib, relative=relative)


def history_by_country(name, xs, ys_by_country, units, doc):
    """PySD reads scalar graphical functions only: one per country, then an arrayed aux."""
    for c, ys in zip(C, ys_by_country):
        aux(f"{name} {c}", "TIME", units=units, doc=f"{doc} ({c}.)", gf=(xs, ys))
    aux(name, per={c: f"{name} {c}".replace(" ", "_") for c in C}, units=units, doc=doc)


def total(x):
    """Sum over Country, written out: PySD does not read SUM(x[*])."""
    x = f'"{x}"' if "-" in x else x.replace(" ", "_")
    return "(" + " + ".join(f"{x}[{c.replace(' ', '_')}]" for c in C) + ")"
