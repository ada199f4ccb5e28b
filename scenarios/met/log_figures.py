#!/usr/bin/env python3
"""Figures for the baseline scenario, computed from the real ServiceNow incident log.

Usage (from the repository root):
    python3 scenarios/met/log_figures.py [PATH_TO_LOG_CSV_GZ]

Default path: scenarios/met/data/calibration-2016-04-11_2016-05-08.csv.gz, from the repository root
(a copy of the team's shared extract). Prints every figure and writes scenarios/met/data/log_figures.json:
one figure per line, `"key": {"definition": ..., ...}`, so that the generator
(make_run_and_maintain.py) and scenarios/met/log-figures.md can cite a figure by its key.

Data: UCI Machine Learning Repository dataset 498, "Incident management process enriched event
log" (Amaral, Fantinato, Peres), doi:10.24432/C57S4H, CC BY 4.0. Every event row of the 7,506
incidents opened from Monday 2016-04-11 to Sunday 2016-05-08. Python 3 standard library only.

What the data look like, and what is excluded (checked by `data_checks`, printed first):
  * One row per update of an incident, in sys_mod_count order; the last row of every incident is
    "Closed" (the extract runs to February 2017). So no incident is still open: durations are
    complete, nothing is censored, and no figure needs a censoring correction. (At the end of the
    opening window, 2016-05-08 24:00, some incidents were still open; they are followed to closure.)
  * incident_state takes only New, Active, Awaiting User Info / Vendor / Problem / Evidence,
    Resolved and Closed: there is no "Canceled" state. The only incident closed without ever being
    resolved (no Resolved row, no resolved_at, no closed_code) is the one cancellation candidate.
  * resolved_at is missing ("?") on 440 incidents: 439 were created already "Resolved" (logged
    after a fix at first contact); their resolution time is the Resolved row's time, i.e. 0 h after
    opening. The 440th is the cancellation candidate (excluded from resolution times).
  * Timestamps are day-first with minute resolution, so durations are multiples of 1 minute and
    spells shorter than a minute are 0 h.
  * Attributes that change during an incident (priority in 110 incidents, category in 203) are
    taken from the incident's last row (its final value), as made_sla, reassignment_count and
    reopen_count are.
  * Daily counts: Thursday 21 and Friday 22 April 2016 have 43 and 100 opened incidents against
    328-478 on the other 18 weekdays. 21 April is Tiradentes Day, a national holiday in Brazil (where
    the data set's authors work; the source organisation is not named) and 22 April the bridge day
    after it: a calendar effect, which a scenario models with Demand.date_factors, not with the random
    day factor. Figure 1 is given with and without them; the baseline uses "without".
"""
import csv
import datetime
import gzip
import json
import math
import os
import statistics
import sys
from collections import Counter, defaultdict

DEFAULT_LOG = os.path.join("scenarios", "met", "data", "calibration-2016-04-11_2016-05-08.csv.gz")
HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
ANOMALOUS_DAYS = (datetime.date(2016, 4, 21), datetime.date(2016, 4, 22))
WINDOW_END = datetime.datetime(2016, 5, 9, 0, 0)
WAITING_STATES = ["Awaiting User Info", "Awaiting Vendor", "Awaiting Problem", "Awaiting Evidence"]
STATE_KEYS = {"Awaiting User Info": "user_info", "Awaiting Vendor": "vendor", "Awaiting Problem": "problem",
              "Awaiting Evidence": "evidence"}
INTAKE_GROUP = "Group 70"   # see waiting_states(): the group that plays the level-1 role
PRIORITIES = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"]
PCTS = [10, 25, 50, 75, 90, 95, 99]
DURATION_PCTS = [25, 50, 75, 90, 95, 99]


# ---- helpers -----------------------------------------------------------------------------------

def when(text):
    """'29/2/2016 01:16' -> datetime; '?' -> None."""
    return None if text == "?" else datetime.datetime.strptime(text, "%d/%m/%Y %H:%M")


def hours(a, b):
    return (b - a).total_seconds() / 3600.0


def quantiles(xs, pcts):
    """Percentiles (inclusive method, as numpy's default 'linear'), rounded; None when n < 2."""
    if len(xs) < 2:
        return None
    cut = statistics.quantiles(xs, n=100, method="inclusive")
    return {f"p{p}": round(cut[p - 1], 3) for p in pcts}


def summary(xs, pcts):
    out = {"n": len(xs)}
    if xs:
        out["mean"] = round(statistics.fmean(xs), 3)
    q = quantiles(xs, pcts)
    if q:
        out.update(q)
    return out


def shares(counter, keys, total):
    return {k: round(counter.get(k, 0) / total, 4) if total else None for k in keys}


def p_label(priority):
    return "P" + priority[0]


def load(path):
    """Incidents: number -> list of rows in sys_mod_count order."""
    incidents = defaultdict(list)
    with gzip.open(path, "rt", newline="") as f:
        for row in csv.DictReader(f):
            incidents[row["number"]].append(row)
    for rows in incidents.values():
        rows.sort(key=lambda r: int(r["sys_mod_count"]))
    return incidents


def resolved_time(rows):
    """resolved_at, or (when it is missing) the time of the last Resolved row; None if never resolved."""
    r = when(rows[-1]["resolved_at"])
    if r is not None:
        return r
    res = [x for x in rows if x["incident_state"] == "Resolved"]
    return when(res[-1]["sys_updated_at"]) if res else None


def is_cancelled(rows):
    """Closed without ever being resolved (the log has no 'Canceled' state)."""
    return resolved_time(rows) is None


def spells(rows):
    """Maximal runs of one incident_state: (state, entry row index, duration h, group at entry)."""
    out = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1]["incident_state"] == rows[i]["incident_state"]:
            j += 1
        end = when(rows[j + 1]["sys_updated_at"]) if j + 1 < len(rows) else None
        start = when(rows[i]["sys_updated_at"])
        out.append((rows[i]["incident_state"], i, hours(start, end) if end else None,
                    rows[i]["assignment_group"]))
        i = j + 1
    return out


def visits(rows):
    """Group visits: maximal runs of rows with one assignment_group ('?' = unassigned), as
    (group, first row index, last row index)."""
    out = []
    for k, r in enumerate(rows):
        g = r["assignment_group"]
        if out and out[-1][0] == g:
            out[-1][2] = k
        else:
            out.append([g, k, k])
    return out


def group_kind(group):
    if group == "?":
        return "unassigned"
    return "intake_group" if group == INTAKE_GROUP else "other_groups"


# ---- figures -----------------------------------------------------------------------------------

def data_checks(inc):
    """What the export contains: row and incident counts, states, missing values, censoring."""
    rows = [r for v in inc.values() for r in v]
    last = [v[-1] for v in inc.values()]
    open_at_end = sum(1 for v in inc.values() if when(v[-1]["closed_at"]) >= WINDOW_END)
    return {
        "data.rows": {"definition": "event rows in the file", "value": len(rows)},
        "data.incidents": {"definition": "distinct incidents (number)", "value": len(inc)},
        "data.incident_state_values": {"definition": "rows per incident_state value (no 'Canceled' state exists)",
                                        "value": dict(Counter(r["incident_state"] for r in rows).most_common())},
        "data.last_state": {"definition": "incidents by the state of their last row (all Closed: nothing censored)",
                             "value": dict(Counter(r["incident_state"] for r in last))},
        "data.open_at_window_end": {"definition": "incidents not yet closed at 2016-05-09 00:00 (followed to closure in the extract, not censored)",
                                     "value": open_at_end},
        "data.unresolved_at_window_end": {"definition": "incidents not yet resolved at 2016-05-09 00:00 (followed to resolution in the extract, not censored)",
                                           "value": sum(1 for v in inc.values() if (resolved_time(v) or WINDOW_END) >= WINDOW_END)},
        "data.last_closed_at": {"definition": "latest closed_at in the extract",
                                 "value": max(when(r["closed_at"]) for r in last).isoformat()},
        "data.resolved_at_missing": {"definition": "incidents whose resolved_at is '?'",
                                      "value": sum(1 for r in last if r["resolved_at"] == "?")},
        "data.created_resolved": {"definition": "incidents whose first row is already Resolved (resolved at logging, 0 h); 439 of them lack resolved_at",
                                   "value": sum(1 for v in inc.values() if v[0]["incident_state"] == "Resolved")},
        "data.priority_changed": {"definition": "incidents whose priority changes between rows (final value used)",
                                   "value": sum(1 for v in inc.values() if len({r['priority'] for r in v}) > 1)},
        "data.category_changed": {"definition": "incidents whose category changes between rows (final value used)",
                                   "value": sum(1 for v in inc.values() if len({r['category'] for r in v}) > 1)},
    }


def daily_counts(inc):
    """Figure 1. Incidents opened per calendar day (opened_at date); weekdays Mon-Fri. Gamma day
    factor: variance = m + m^2 cv^2, so cv^2 = (var - m) / m^2 (sample variance, n - 1). With and
    without 21-22 April 2016 (a public holiday and its bridge day, see the module docstring)."""
    per_day = Counter(when(v[0]["opened_at"]).date() for v in inc.values())
    out = {"daily.counts": {"definition": "incidents opened per day (opened_at date)",
                            "value": {d.isoformat() + " " + d.strftime("%a"): n for d, n in sorted(per_day.items())}}}
    for key, excluded in [("with_anomalous_days", ()), ("without_anomalous_days", ANOMALOUS_DAYS)]:
        xs = [n for d, n in per_day.items() if d.weekday() < 5 and d not in excluded]
        m, var = statistics.fmean(xs), statistics.variance(xs)
        cv2 = (var - m) / m ** 2
        out[f"daily.weekday.{key}"] = {
            "definition": "weekday opened counts: days, mean, sample variance, Gamma day-factor cv = sqrt((var - m) / m^2)"
                          + ("" if not excluded else "; 2016-04-21 and 2016-04-22 excluded"),
            "days": len(xs), "mean": round(m, 2), "variance": round(var, 1),
            "cv": round(max(cv2, 0.0) ** 0.5, 4), "min": min(xs), "max": max(xs)}
    we = [n for d, n in per_day.items() if d.weekday() >= 5]
    out["daily.weekend"] = {"definition": "weekend-day opened counts: days, mean, variance",
                            "days": len(we), "mean": round(statistics.fmean(we), 2),
                            "variance": round(statistics.variance(we), 1)}
    by_wd = defaultdict(list)
    for d, n in per_day.items():
        if d not in ANOMALOUS_DAYS:
            by_wd[d.strftime("%a")].append(n)
    out["daily.mean_by_weekday"] = {
        "definition": "mean opened per day of the week, 21-22 April excluded (part of the weekday variance is this day-of-week pattern)",
        "value": {k: round(statistics.fmean(v), 1) for k, v in sorted(by_wd.items(), key=lambda kv: ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"].index(kv[0]))}}
    return out


def lognormal_from(mean, qs):
    """Lognormal {mean, cv} through the sample mean and median: mean / median = exp(sigma^2 / 2), so
    cv = sqrt((mean / median)^2 - 1). The interquartile spread is not used: minute resolution and
    many short spells make the lower quartile unreliable (p10 is often 0), and a lognormal through
    p25 and p75 misses the mean-to-median ratio badly. Returned with the quantiles the fit implies,
    to compare with the sample's."""
    if not qs or qs["p50"] <= 0 or mean <= qs["p50"]:
        return None
    median = qs["p50"]
    sigma = math.sqrt(2 * math.log(mean / median))
    z = {"p10": -1.281552, "p25": -0.674490, "p75": 0.674490, "p90": 1.281552, "p95": 1.644854, "p99": 2.326348}
    return {"mean": round(mean, 1), "cv": round(math.sqrt((mean / median) ** 2 - 1), 2),
            "implied": {k: round(median * math.exp(sigma * v), 1) for k, v in z.items()}}


def waiting_states(inc):
    """Figure 2. Waiting states. A spell is a maximal run of rows in one "Awaiting ..." state; it
    lasts from the sys_updated_at of its first row to that of the next row with another state (every
    incident ends Closed, so every spell ends). A spell belongs to the assignment_group of its first
    row: the intake group (Group 70: first group of 55% of incidents, last of 46%; it plays the
    level-1 role), another group (resolver groups), or unassigned ('?').
    Per state: share of incidents entering it at least once, entries per incident, spell durations.
    Per visit (a maximal run of rows with one assignment_group): share of visits of the other groups
    in which the state is entered at least once, and the total time in that state per such visit
    (sum of the spells that start in the visit): the model's WaitingRule is per visit of a resolver
    group and enters at most one state, so these are the figures it takes."""
    n = len(inc)
    out = {}
    spell_rows = []   # (state, duration, priority, kind, incident number)
    vis_count = Counter()
    vis_enter = Counter()
    vis_total = defaultdict(list)
    groups_per_incident = []
    next_state = Counter()
    for num, rows in inc.items():
        pr = p_label(rows[-1]["priority"])
        sp = spells(rows)
        for k, (state, i, dur, group) in enumerate(sp):
            if state in WAITING_STATES:
                spell_rows.append((state, dur, pr, group_kind(group), num))
                nxt = sp[k + 1][0] if k + 1 < len(sp) else "end"
                next_state[(state, nxt)] += 1
        vs = visits(rows)
        groups_per_incident.append(sum(1 for g, a, b in vs if g != "?"))
        for g, a, b in vs:
            kind = group_kind(g)
            vis_count[kind] += 1
            for state in WAITING_STATES:
                inside = [dur for (s, i, dur, grp) in sp if s == state and a <= i <= b]
                if inside:
                    vis_enter[(kind, state)] += 1
                    vis_total[(kind, state)].append(sum(inside))
    out["waiting.group_visits_per_incident"] = {
        "definition": "mean number of group visits per incident (runs of one non-'?' assignment_group)",
        "value": round(statistics.fmean(groups_per_incident), 4)}
    out["waiting.visits_by_kind"] = {"definition": "group visits by kind (intake group = Group 70; unassigned = '?')",
                                     "value": dict(vis_count)}
    for state in WAITING_STATES:
        key = "waiting." + STATE_KEYS[state]
        mine = [s for s in spell_rows if s[0] == state]
        durs = [s[1] for s in mine]
        entered = {s[4] for s in mine}
        out[key + ".incidents"] = {
            "definition": f"'{state}': share of incidents entering it at least once; mean entries (spells) per incident",
            "share": round(len(entered) / n, 4), "entries_per_incident": round(len(mine) / n, 4),
            "spells": len(mine)}
        out[key + ".spell_hours"] = {"definition": f"'{state}' spell duration, hours (all spells)",
                                     **summary(durs, PCTS)}
        by_p = {}
        for p in ["P1", "P2", "P3", "P4"]:
            inc_p = [k for k, v in inc.items() if p_label(v[-1]["priority"]) == p]
            ent_p = {s[4] for s in mine if s[2] == p}
            d = [s[1] for s in mine if s[2] == p]
            by_p[p] = {"incidents": len(inc_p), "share": round(len(ent_p) / len(inc_p), 4) if inc_p else None,
                       "spells": len(d), "median_h": round(statistics.median(d), 2) if d else None,
                       "mean_h": round(statistics.fmean(d), 2) if d else None}
        out[key + ".by_priority"] = {"definition": f"'{state}' by final priority: incidents, share entering, spells, spell median and mean hours",
                                     "value": by_p}
        by_k = {}
        for kind in ["intake_group", "other_groups", "unassigned"]:
            d = [s[1] for s in mine if s[3] == kind]
            by_k[kind] = {"spells": len(d), "median_h": round(statistics.median(d), 2) if d else None,
                          "mean_h": round(statistics.fmean(d), 2) if d else None}
        out[key + ".by_group_kind"] = {"definition": f"'{state}' spells by the group holding the incident when it entered: count, median and mean hours",
                                       "value": by_k}
        out[key + ".next_state"] = {"definition": f"what follows a '{state}' spell (spells)",
                                    "value": {b: c for (a, b), c in next_state.most_common() if a == state}}
        for kind in ["other_groups", "intake_group"]:
            tot = vis_total[(kind, state)]
            entry = {"definition": f"'{state}' per visit of {kind.replace('_', ' ')}: share of visits entering it; total hours in it per such visit",
                     "visits": vis_count[kind], "entering": vis_enter[(kind, state)],
                     "probability": round(vis_enter[(kind, state)] / vis_count[kind], 4),
                     **{"hours_" + k: v for k, v in summary(tot, PCTS).items()}}
            fit = lognormal_from(statistics.fmean(tot), quantiles(tot, PCTS)) if len(tot) >= 2 else None
            if fit:
                entry["lognormal"] = fit
            if len(tot) >= 2:
                entry["law"] = quantile_law(tot)
            out[f"{key}.per_visit.{kind}"] = entry
    # Awaiting Problem and Awaiting Evidence together: the model's WAITING_ON_CHANGE.
    tot = vis_total[("other_groups", "Awaiting Problem")] + vis_total[("other_groups", "Awaiting Evidence")]
    ent = vis_enter[("other_groups", "Awaiting Problem")] + vis_enter[("other_groups", "Awaiting Evidence")]
    entry = {"definition": "'Awaiting Problem' or 'Awaiting Evidence' per visit of other groups (the model's WAITING_ON_CHANGE): share of visits, total hours per such visit",
             "visits": vis_count["other_groups"], "entering": ent,
             "probability": round(ent / vis_count["other_groups"], 4),
             **{"hours_" + k: v for k, v in summary(tot, PCTS).items()}}
    fit = lognormal_from(statistics.fmean(tot), quantiles(tot, PCTS))
    if fit:
        entry["lognormal"] = fit
    entry["law"] = quantile_law(tot)
    out["waiting.change.per_visit.other_groups"] = entry
    # Waits before the incident reaches a non-intake group (the model's desk pending-user stage).
    reach = 0
    before = []
    for rows in inc.values():
        first_other = next((k for k, r in enumerate(rows) if group_kind(r["assignment_group"]) == "other_groups"), None)
        if first_other is None:
            continue
        reach += 1
        d = [dur for (s, i, dur, grp) in spells(rows) if s == "Awaiting User Info" and i < first_other]
        if d:
            before.append(sum(d))
    entry = {"definition": "incidents that reach a group other than the intake group: the share 'Awaiting User Info' before their first such group, and the total hours of that wait (the model's desk pending-user stage)",
             "incidents": reach, "entering": len(before), "share": round(len(before) / reach, 4),
             **{"hours_" + k: v for k, v in summary(before, PCTS).items()}}
    fit = lognormal_from(statistics.fmean(before), quantiles(before, PCTS))
    if fit:
        entry["lognormal"] = fit
    out["waiting.user_info.before_first_other_group"] = entry
    return out


def resolution_times(inc):
    """Figure 3. Time to resolve (opened_at -> resolved_at, or the Resolved row when resolved_at is
    missing: 0 h for the 439 incidents logged already resolved) and to close (opened_at -> closed_at),
    hours, overall and per final priority; made_sla share (last row). The cancellation candidate is
    excluded from time to resolve. Also time to resolve by reassignment 0 vs >= 1."""
    out = {}
    groups = defaultdict(lambda: {"resolve": [], "close": [], "sla": []})
    for rows in inc.values():
        opened = when(rows[0]["opened_at"])
        res = resolved_time(rows)
        for key in ("all", p_label(rows[-1]["priority"]),
                    "reassigned_0" if rows[-1]["reassignment_count"] == "0" else "reassigned_1plus"):
            g = groups[key]
            if res is not None:
                g["resolve"].append(hours(opened, res))
            g["close"].append(hours(opened, when(rows[-1]["closed_at"])))
            g["sla"].append(rows[-1]["made_sla"] == "true")
    for key in ["all", "P1", "P2", "P3", "P4", "reassigned_0", "reassigned_1plus"]:
        g = groups[key]
        out[f"resolve_hours.{key}"] = {"definition": f"opened -> resolved, hours ({key})", **summary(g["resolve"], DURATION_PCTS)}
        out[f"close_hours.{key}"] = {"definition": f"opened -> closed, hours ({key})", **summary(g["close"], DURATION_PCTS)}
        out[f"made_sla.{key}"] = {"definition": f"share with made_sla true on the last row ({key})",
                                  "n": len(g["sla"]), "share": round(sum(g["sla"]) / len(g["sla"]), 4)}
    return out


def reassignments(inc):
    """Figure 4. Final reassignment_count per incident (last row): shares of 0, 1, 2, 3, 4, 5+,
    overall and per final priority."""
    out = {}
    keys = ["0", "1", "2", "3", "4", "5+"]
    tables = defaultdict(Counter)
    for rows in inc.values():
        c = int(rows[-1]["reassignment_count"])
        k = str(c) if c < 5 else "5+"
        tables["all"][k] += 1
        tables[p_label(rows[-1]["priority"])][k] += 1
    for key in ["all", "P1", "P2", "P3", "P4"]:
        t = tables[key]
        out[f"reassignments.{key}"] = {"definition": f"shares of final reassignment_count 0,1,2,3,4,5+ ({key})",
                                       "n": sum(t.values()), **shares(t, keys, sum(t.values()))}
    mean = statistics.fmean(int(v[-1]["reassignment_count"]) for v in inc.values())
    out["reassignments.mean"] = {"definition": "mean final reassignment_count", "value": round(mean, 4)}
    return out


def priority_mix(inc, top=10):
    """Figure 5. Final priority mix overall and for the `top` categories with most incidents; the
    impact x urgency joint table against the counts independent marginals would give."""
    n = len(inc)
    last = [v[-1] for v in inc.values()]
    out = {"priority.all": {"definition": "share of incidents by final priority P1..P4", "n": n,
                            **shares(Counter(p_label(r["priority"]) for r in last), ["P1", "P2", "P3", "P4"], n)}}
    cats = Counter(r["category"] for r in last)
    per_cat = {}
    for c, k in cats.most_common(top):
        t = Counter(p_label(r["priority"]) for r in last if r["category"] == c)
        per_cat[c] = {"n": k, **shares(t, ["P1", "P2", "P3", "P4"], k)}
    out["priority.by_category"] = {"definition": f"final priority mix of the {top} categories with most incidents", "value": per_cat}
    # Two pools for a scenario whose categories cannot be matched to the log's anonymised ones:
    # the large categories with a high P1+P2 share (more than twice the overall), and the rest.
    p12 = (out["priority.all"]["P1"] + out["priority.all"]["P2"])
    high = [c for c, v in per_cat.items() if v["P1"] + v["P2"] > 2 * p12]
    for key, member in [("high", lambda c: c in high), ("others", lambda c: c not in high)]:
        rows = [r for r in last if member(r["category"])]
        t = Counter(p_label(r["priority"]) for r in rows)
        out[f"priority.pooled.{key}"] = {
            "definition": (f"final priority mix of the {top} largest categories whose P1+P2 share exceeds twice the overall ({', '.join(high)}), pooled"
                           if key == "high" else "final priority mix of all other incidents, pooled"),
            "n": len(rows), **shares(t, ["P1", "P2", "P3", "P4"], len(rows))}
    out["priority.categories"] = {"definition": "distinct final categories", "value": len(cats)}
    joint = Counter((r["impact"][0], r["urgency"][0]) for r in last)
    imp = Counter(r["impact"][0] for r in last)
    urg = Counter(r["urgency"][0] for r in last)
    out["priority.impact_x_urgency"] = {
        "definition": "incidents by final impact (rows 1-3) x urgency (columns 1-3), and the counts independent marginals give",
        "observed": [[joint[(i, u)] for u in "123"] for i in "123"],
        "independent": [[round(imp[i] * urg[u] / n, 1) for u in "123"] for i in "123"]}
    return out


def cancellations(inc):
    """Figure 6. Cancellations: incidents closed without ever being resolved (no state 'Canceled'
    exists in this export), count, share and opened -> closed hours."""
    c = [v for v in inc.values() if is_cancelled(v)]
    d = [hours(when(v[0]["opened_at"]), when(v[-1]["closed_at"])) for v in c]
    return {"cancelled": {"definition": "incidents closed without a Resolved state or resolved_at (no 'Canceled' state in the log): count, share, opened -> closed hours",
                          "count": len(c), "share": round(len(c) / len(inc), 6),
                          "numbers": [v[0]["number"] for v in c], "hours": [round(x, 2) for x in d]}}


def reopen_and_close(inc):
    """Figure 7. Reopen share (final reopen_count > 0) and resolved -> closed delay quantiles (hours)."""
    n = len(inc)
    reopened = sum(1 for v in inc.values() if int(v[-1]["reopen_count"]) > 0)
    d = []
    for v in inc.values():
        r = resolved_time(v)
        if r is not None:
            d.append(hours(r, when(v[-1]["closed_at"])))
    return {"reopen.share": {"definition": "share of incidents with final reopen_count > 0", "n": n,
                             "count": reopened, "share": round(reopened / n, 4)},
            "resolved_to_closed_hours": {"definition": "resolved -> closed, hours (auto-close)", **summary(d, PCTS)}}


HOLD_LEVELS = [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995, 1]


def visit_runs(rows):
    """[group, start] runs of a resolved incident up to its resolution (see hold_visits), and that end."""
    opened = when(rows[0]["opened_at"])
    end = max(resolved_time(rows), opened)
    runs = []   # [group, start]
    for r in rows:
        t = when(r["sys_updated_at"])
        if t >= end and runs:
            break
        g = r["assignment_group"]
        if g == "?":
            continue
        t = min(max(t, opened), end)
        if not runs:
            runs.append([g, opened])
        elif runs[-1][0] != g:
            runs.append([g, t])
    if not runs:   # assigned only after resolution (that group), or never
        assigned = [r["assignment_group"] for r in rows if r["assignment_group"] != "?"]
        runs.append([assigned[-1] if assigned else "?", opened])
    return runs, end


def first_visit_starts(rows):
    """(group, start) of each visit before resolution (hold_visits); [] for a cancelled incident."""
    if resolved_time(rows) is None:
        return []
    return [tuple(r) for r in visit_runs(rows)[0]]


def hold_visits(rows):
    """Group visits before resolution, as `desksim calibrate` builds them (models/calibration/
    incident_log.cpp): runs of one assignment_group up to the resolution time, unassigned rows joining
    the group that holds the ticket next; the first visit starts at opened_at, a visit ends where the
    next starts (the last at resolution). Each visit: (group, later visit?, hours held without waits).
    A waiting spell belongs to the visit it starts in, and only its part inside the visit counts."""
    if resolved_time(rows) is None:
        return []
    opened = when(rows[0]["opened_at"])
    runs, end = visit_runs(rows)
    out = []
    for k, (g, start) in enumerate(runs):
        stop = runs[k + 1][1] if k + 1 < len(runs) else end
        out.append([g, any(runs[j][0] == g for j in range(k)), start, stop, 0.0])
    i = 0
    while i < len(rows):   # waiting spells, clipped to [opened, end]
        state = rows[i]["incident_state"]
        j = i + 1
        while j < len(rows) and rows[j]["incident_state"] == state:
            j += 1
        if state in WAITING_STATES:
            t0 = when(rows[i]["sys_updated_at"])
            if t0 < end:
                a = min(max(t0, opened), end)
                b = min(max(when(rows[j]["sys_updated_at"]) if j < len(rows) else end, opened), end)
                for k, v in enumerate(out):
                    last = k == len(out) - 1
                    if a < v[2] or (a >= v[3] and not (last and a == v[3])):
                        continue
                    v[4] += max(0.0, hours(a, min(b, v[3])))
                    break
        i = j
    return [(g, later, max(0.0, hours(start, stop) - waits)) for g, later, start, stop, waits in out]


def quantile_law(xs):
    """The sample as a piecewise-linear law through its quantiles at HOLD_LEVELS (what `desksim
    calibrate` writes, models/calibration/quantile_points.cpp): linear interpolation between order
    statistics, ties pushed apart by 0.001 h so that values increase strictly; with the law's mean."""
    xs = sorted(xs)
    n = len(xs)
    values = []
    for p in HOLD_LEVELS:
        h = p * (n - 1)
        lo = int(math.floor(h))
        hi = min(lo + 1, n - 1)
        v = xs[lo] + (h - lo) * (xs[hi] - xs[lo])
        if values and v <= values[-1]:
            v = values[-1] + 0.001
        values.append(round(v, 4))
    mean = sum((HOLD_LEVELS[k + 1] - HOLD_LEVELS[k]) * (values[k] + values[k + 1]) / 2 for k in range(len(values) - 1))
    return {"values": values, "cumulative_probabilities": HOLD_LEVELS, "law_mean": round(mean, 3)}


def resolver_network_times(inc):
    """Figure 9. The incidents that reached a group other than the intake group (the model's resolver
    network; hold_visits): time to resolve from opening, time from the start of the first such visit to
    resolution (the model's tickets.network_hours), and the made_sla share."""
    opened_to, network, sla, visits_there = [], [], [], 0
    for rows in inc.values():
        if is_cancelled(rows):
            continue
        starts = [start for g, start in first_visit_starts(rows) if group_kind(g) == "other_groups"]
        if not starts:
            continue
        visits_there += len(starts)
        opened = when(rows[0]["opened_at"])
        res = max(resolved_time(rows), opened)
        opened_to.append(hours(opened, res))
        network.append(hours(starts[0], res))
        sla.append(rows[-1]["made_sla"] == "true")
    return {
        "resolve_hours.reached_other_group": {"definition": "opened -> resolved, hours, incidents that reached a group other than the intake group",
                                              **summary(opened_to, DURATION_PCTS)},
        "network_hours.reached_other_group": {"definition": "first visit of a group other than the intake group -> resolved, hours (the model's tickets.network_hours)",
                                              **summary(network, DURATION_PCTS)},
        "visits.reached_other_group": {"definition": "visits of groups other than the intake group per incident that reached one, and the share of such visits after which the incident went on to another group (1 - 1 / visits per incident: a per-visit onward probability with the same mean number of visits)",
                                       "incidents": len(network), "visits": visits_there,
                                       "per_incident": round(visits_there / len(network), 4),
                                       "onward_share_per_visit": round(1 - len(network) / visits_there, 4)},
        "made_sla.reached_other_group": {"definition": "share with made_sla true, incidents that reached a group other than the intake group",
                                         "n": len(sla), "share": round(sum(sla) / len(sla), 4)},
    }


def holding_times(inc):
    """Figure 8. How long a group holds a ticket per visit, waits excluded (hold_visits): the elapsed
    time a resolver group has it in hand, which is not effort (resolvers hold many at once). First
    visits (of any outcome: resolved there or handed on) and later visits (back to a group it was with
    before), for the groups other than the intake group (Group 70, the level-1 role) and for all
    groups (the latter is what `desksim calibrate` prints as its pooled fallback for resolving first
    visits and later visits, a cross-check of the definition)."""
    out = {}
    held = defaultdict(list)
    for rows in inc.values():
        if is_cancelled(rows):
            continue
        vs = hold_visits(rows)
        for k, (g, later, h) in enumerate(vs):
            kind = group_kind(g)
            visit = "later" if later else "first"
            held[(kind, visit)].append(h)
            if visit == "first" and k == len(vs) - 1:
                held[("all_groups", "first_resolving")].append(h)
            if visit == "later":
                held[("all_groups", "later")].append(h)
    for (kind, visit), xs in sorted(held.items()):
        if kind == "unassigned":
            continue
        entry = {"definition": f"hours a group holds a ticket per {visit.replace('_', ' ')} visit, waits excluded ({kind.replace('_', ' ')})",
                 **summary(xs, PCTS)}
        if kind == "other_groups":
            entry["law"] = quantile_law(xs)
        out[f"hold_hours.{visit}.{kind}"] = entry
    return out


def all_figures(path):
    inc = load(path)
    figs = {}
    for f in (data_checks, daily_counts, waiting_states, resolution_times, reassignments, priority_mix,
              cancellations, reopen_and_close, holding_times, resolver_network_times):
        figs.update(f(inc))
    return figs


def write_json(figs, path, source):
    lines = ["{", f'  "_source": {json.dumps(source)},']
    items = list(figs.items())
    for k, (key, value) in enumerate(items):
        lines.append(f"  {json.dumps(key)}: {json.dumps(value)}" + ("," if k + 1 < len(items) else ""))
    lines.append("}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(REPO_ROOT, DEFAULT_LOG))
    figs = all_figures(path)
    for key, value in figs.items():
        rest = {k: v for k, v in value.items() if k != "definition"}
        print(f"{key}: {value['definition']}")
        print(f"    {json.dumps(rest)}")
    source = ("UCI ML Repository dataset 498, 'Incident management process enriched event log' (Amaral, Fantinato, "
              "Peres), doi:10.24432/C57S4H, CC BY 4.0; file " + os.path.basename(path) +
              "; computed by scenarios/met/log_figures.py")
    write_json(figs, os.path.join(HERE, "data", "log_figures.json"), source)


if __name__ == "__main__":
    main()
