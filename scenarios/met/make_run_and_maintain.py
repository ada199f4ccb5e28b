#!/usr/bin/env python3
"""Writes run-and-maintain.textproto and transformation.textproto: the 44,000-user baseline, with the roster sized by Erlang C per
half-hour. Re-run after changing an assumption here: python3 scenarios/met/make_run_and_maintain.py
Every number is commented in the output with its source: [contract] public contract description,
[benchmark] published benchmark (domain.md), [log] the ServiceNow log (figures computed by
scenarios/met/log_figures.py into log_figures.json and cited by key), [assumption] ours."""
import datetime, json, math, os

HERE = os.path.dirname(os.path.abspath(__file__))
# Figures from the real incident log, one per key (see log-figures.md): python3 scenarios/met/log_figures.py
LOG = json.load(open(os.path.join(HERE, "data", "log_figures.json")))

HOURS_PER_MONTH = 730.5
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# Hour-of-day shapes (relative), assumptions informed by the log's shape (peak 08-11, dip 12, 14-15).
office = [0.1,0.05,0.05,0.05,0.05,0.1,0.4,1.5,5.0,6.5,6.5,6.0,4.0,5.5,6.0,5.5,4.5,3.0,1.2,0.6,0.4,0.3,0.2,0.15]
shifts = [1.5,1.0,0.7,0.6,0.6,0.8,2.5,4.0,4.5,4.5,4.0,3.5,3.0,3.5,4.5,4.5,4.0,3.5,3.0,2.8,2.6,2.5,2.8,2.2]  # 24/7, shift starts 07, 15, 23
control = [2.0,1.8,1.5,1.4,1.4,1.5,2.0,3.0,3.5,3.5,3.5,3.4,3.2,3.4,3.5,3.5,3.4,3.2,3.0,2.8,2.6,2.5,2.4,2.2]
def week(day, weekend_factor):
    return day * 5 + [round(x * weekend_factor, 3) for x in day] * 2

SEGMENTS = [  # name, users, incidents/user/month, profile, channel mix, site mix, device mix
  ("response-officers", 16000, 0.45, week(shifts, 0.9), {"phone": 0.55, "portal": 0.15, "email": 0.05, "walk_in": 0.25},
   "laptop-and-mobile"),
  ("investigators", 9000, 0.60, week(office, 0.35), {"phone": 0.50, "portal": 0.30, "email": 0.10, "walk_in": 0.10},
   "laptop"),
  ("police-staff", 14000, 0.70, week(office, 0.12), {"phone": 0.40, "portal": 0.45, "email": 0.10, "walk_in": 0.05},
   "desktop"),
  ("contact-centre", 5000, 0.80, week(control, 0.95), {"phone": 0.80, "portal": 0.10, "email": 0.05, "walk_in": 0.05},
   "desktop"),
]
SITES = ["north-west", "north-east", "central", "south-west", "south-east", "headquarters"]
CHANNELS = {  # mean handle minutes (lognormal cv), patience, redial
  "phone": (7.0, 0.8), "portal": (8.0, 0.9), "email": (9.0, 0.9), "walk_in": (12.0, 0.7)}
CATEGORIES = [  # name, weight, impact, urgency, FCR
  ("password-and-account", 25, [0.0, 0.98, 0.02], [0.005, 0.965, 0.03], 0.92),
  ("end-user-device", 20, [0.0, 0.98, 0.02], [0.005, 0.965, 0.03], 0.60),
  ("mobile-device", 15, [0.0, 0.98, 0.02], [0.01, 0.96, 0.03], 0.60),
  ("network-and-remote-access", 10, [0.05, 0.93, 0.02], [0.05, 0.93, 0.02], 0.40),
  ("policing-applications", 20, [0.06, 0.94, 0.0], [0.12, 0.88, 0.0], 0.55),
  ("printing", 5, [0.0, 0.9, 0.1], [0.0, 0.9, 0.1], 0.70),
  ("email-and-office", 5, [0.0, 0.97, 0.03], [0.005, 0.965, 0.03], 0.75),
]
MATRIX = [1, 2, 3, 2, 3, 4, 3, 4, 4]
# Size for 25% above the mean half-hour load [assumption]: bad days (day factor cv 0.089 [log], so +25% is
# about 2.8 standard deviations) and peaks within the hour.
STAFFING_MARGIN = 1.25
# Staff cost [assumption]: a full-time week of 37.5 paid hours (UK public sector); shrinkage 30% (leave,
# sickness, training and meetings: the figure call-centre workforce planning commonly starts from);
# yearly cost per FTE with on-costs (employer's National Insurance and pension, about 30% on salary):
# service-desk analyst ~GBP 29k salary -> 38,000; resolver engineer ~GBP 46k -> 60,000.
PAID_HOURS_PER_WEEK = 37.5
SHRINKAGE = 0.30
DESK_FTE_YEAR_POUNDS = 38000
RESOLVER_FTE_YEAR_POUNDS = 60000


def roster_lines(o, staff, indent):
    """A desk roster's 336 half-hour values, one line a day: `staff` holds one value per hour."""
    for d in range(7):
        o(indent + ", ".join(str(staff[h]) for h in range(24*d, 24*d+24) for _ in (0, 1)) + ("," if d < 6 else "") + f"  # {DAYS[d]}")


def fte(staffed_hours_per_week):
    """FTE a weekly roster needs: staffed hours / (paid hours x (1 - shrinkage)), as desksim reports it."""
    return staffed_hours_per_week / (PAID_HOURS_PER_WEEK * (1 - SHRINKAGE))

# Day-to-day variation of demand: Gamma day-factor cv fitted to the log's weekday counts without Thu 21
# and Fri 22 April 2016 (43 and 100 incidents against 328-478): a public holiday and its bridge day, a
# calendar effect (Demand.date_factors), not random variation; with them the fit gives 0.289.
DAY_FACTOR_CV = round(LOG["daily.weekday.without_anomalous_days"]["cv"], 3)
HOURS_PER_FTE_WEEK = 37.5   # contracted hours per FTE per week [assumption]
SHRINKAGE = 0.30            # share of paid hours not on the roster (leave, training, sickness) [assumption]

# ---- Waiting states in the resolver groups (from the log) ------------------------------------------
# After the work of a visit a ticket may wait (WaitingRule); the model's probability is per VISIT of a
# resolver group and a visit enters at most one state. The log's figure that matches is the share of
# visits of groups other than the intake group (Group 70, the log's level-1 role) that enter the state,
# with the total time in it during that visit; the per-incident share divided by group visits per
# incident (e.g. 16.4% / 1.68 = 9.7% for User Info) would also spread the waits over intake-group visits,
# which the model's resolver groups do not have. Durations: piecewise-linear through the log's quantiles
# (as `desksim calibrate` writes them; a lognormal through the mean and median misses p90 by up to a
# factor of two).
# The log's groups cannot be matched to ours, so every group gets the same rules [assumption].
WAITING = [  # (model state, key in log_figures.json, log states)
    ("WAITING_ON_USER", "waiting.user_info.per_visit.other_groups", "Awaiting User Info"),
    ("WAITING_ON_VENDOR", "waiting.vendor.per_visit.other_groups", "Awaiting Vendor"),
    ("WAITING_ON_CHANGE", "waiting.change.per_visit.other_groups", "Awaiting Problem or Evidence"),
]
# Waits before the resolver network (the desk's pending-user stage): incidents that reach a resolver
# group and waited on the user before their first one.
PENDING_USER_KEY = "waiting.user_info.before_first_other_group"
# Priority mix per category, given directly (Category.priority_probabilities) because the log's impact
# and urgency are strongly correlated and no independent marginals reproduce its mix. The log's
# categories are anonymised, so ours take one of two pooled mixes: "high" (the log's large categories
# with more than twice the overall P1+P2 share) for network and policing applications, "others" for the
# rest [log mixes; the matching is an assumption].
PRIORITY_MIX = {"password-and-account": "others", "end-user-device": "others", "mobile-device": "others",
                "network-and-remote-access": "high", "policing-applications": "high", "printing": "others",
                "email-and-office": "others"}


# ---- Resolver network -------------------------------------------------------------------
# Groups of both towers [contract: infrastructure tower = end-user services, hosting and datacentre,
# network, mobile and voice data, security operations, cyber security; applications tower = support of
# the applications estate]. Names of application families are ours [assumption].
# (name, supplier, level, mean effort h per visit, escalation p, escalation targets, misroute p (None: from the log, below), transfers,
#  24/7 cover ratio, OLA)   -- work times and probabilities are [assumption]s, sources in the comments.
INFRA, APPS = "infrastructure", "applications"
OLA_L2 = ("priority_raise", [2, 6, 72, 120])   # OLA targets P1..P4 in wall-clock hours [assumption]
OLA_L3 = ("extra_capacity", [4, 12, 120, 200])
GROUPS = [
  ("eus-deskside", INFRA, 2, 1.5, 0.10, {"hosting-datacentre": 1.0}, None, {}, 0.35, None),
  ("network-mobile-voice", INFRA, 2, 2.0, 0.15, {"hosting-datacentre": 1.0}, None, {}, 0.35, None),
  ("security-operations", INFRA, 2, 1.0, 0.10, {"cyber-security": 1.0}, None, {}, 0.35, None),
  ("hosting-datacentre", INFRA, 3, 4.0, 0.0, {}, None, {}, 0.35, None),
  ("cyber-security", INFRA, 3, 3.0, 0.0, {}, None, {}, 0.35, None),
  ("apps-crime-and-intelligence", APPS, 2, 2.5, 0.20, {"apps-development-l3": 0.7, "hosting-datacentre": 0.3}, None, {}, 0.25, OLA_L2),
  ("apps-command-and-control", APPS, 2, 2.0, 0.20, {"apps-development-l3": 0.7, "hosting-datacentre": 0.3}, None, {}, 0.35, OLA_L2),
  ("apps-case-and-custody", APPS, 2, 2.5, 0.20, {"apps-development-l3": 0.7, "hosting-datacentre": 0.3}, None, {}, 0.25, OLA_L2),
  ("apps-corporate", APPS, 2, 1.5, 0.15, {"apps-development-l3": 0.8, "hosting-datacentre": 0.2}, None, {}, 0.15, OLA_L2),
  ("apps-development-l3", APPS, 3, 8.0, 0.0, {}, None, {"hosting-datacentre": 0.05}, 0.15, OLA_L3),
]
# Misroutes per visit [log]: every group's visits end in escalation, a transfer or a misroute with the
# log's onward share per visit of a non-intake group (visits.reached_other_group: 1 - incidents / visits
# = 1 - 4199 / 6959), so that a ticket in the network makes as many group visits as there; the
# misroute probability is what escalation and transfers leave of it.
ONWARD_PER_VISIT = LOG["visits.reached_other_group"]["onward_share_per_visit"]
GROUPS = [g[:6] + (round(max(0.0, ONWARD_PER_VISIT - g[4] - sum(g[7].values())), 4),) + g[7:] for g in GROUPS]
WORK_OVERRIDES = {"eus-deskside": [("printing", 0, 0.75)]}  # managed print fixes are short [assumption]
ROUTES = {  # category -> first group probabilities [assumption]
  "password-and-account": {"security-operations": 0.7, "eus-deskside": 0.3},
  "end-user-device": {"eus-deskside": 1.0},
  "mobile-device": {"network-mobile-voice": 0.8, "eus-deskside": 0.2},
  "network-and-remote-access": {"network-mobile-voice": 0.9, "security-operations": 0.1},
  "policing-applications": {"apps-crime-and-intelligence": 0.35, "apps-command-and-control": 0.25,
                            "apps-case-and-custody": 0.25, "apps-corporate": 0.15},
  "printing": {"eus-deskside": 1.0},
  "email-and-office": {"apps-corporate": 0.6, "eus-deskside": 0.4},
}
# Time in hand per visit [log]: how long a group other than the intake group held a ticket, waits
# excluded, as a piecewise-linear law through the log's quantiles (log_figures.json, keys below; the
# same definition and law as `desksim calibrate`). A group's people hold many tickets at once, so this
# elapsed time is not effort: each group keeps its mean effort per visit above [assumption] and holds
# tickets_in_hand = (mean time in hand) / (mean effort) tickets per person, so that rosters, utilisation
# and cost stay those of the effort. The log's groups cannot be matched to ours, so every group takes the
# same law [assumption]; groups differ in effort, hence in tickets in hand.
HOLD_FIRST_KEY = "hold_hours.first.other_groups"
HOLD_LATER_KEY = "hold_hours.later.other_groups"
TARGET_UTILISATION = 0.70   # weekly resolver capacity = offered work / 0.70 [assumption: headroom for
                            # heavy-tailed work, OLA escalations and bad days]
DAY_SHIFT = (7, 19)         # Mon-Fri 07:00-19:00 full team; other hours the cover ratio [assumption]
REOPEN = 0.03

def priority_mix(category):
    """P1..P4 probabilities of a category, from the log's pooled mix it is matched to."""
    m = LOG["priority.pooled." + PRIORITY_MIX[category]]
    # The shares are rounded to 4 decimals; P3 takes the rounding so that the four sum to exactly 1.
    return [m["P1"], m["P2"], round(1 - m["P1"] - m["P2"] - m["P4"], 4), m["P4"]]

def group_index(name):
    return [g[0] for g in GROUPS].index(name)

def mean_work(g, category):
    for cat, prio, mean in WORK_OVERRIDES.get(g[0], []):
        if cat == category: return mean
    return g[3]

def resolver_loads(rates_per_hour_total):
    """Visit rate per group per hour and offered load (Erlangs), from the traffic equations per category."""
    cat_total = sum(c[1] for c in CATEGORIES)
    n = len(GROUPS)
    visits = [0.0] * n
    work = [0.0] * n
    for name, w, imp, urg, fcr in CATEGORIES:
        x = rates_per_hour_total * w / cat_total * (1 - fcr + REOPEN)   # to the resolver (reopens included)
        route = ROUTES[name]
        ext = [route.get(g[0], 0.0) * x for g in GROUPS]
        v = ext[:]
        for _ in range(500):
            nv = ext[:]
            for a, g in enumerate(GROUPS):
                for t, p in g[5].items(): nv[group_index(t)] += v[a] * g[4] * p
                others = sum(pp for gg, pp in route.items() if gg != g[0])
                if others > 0:
                    for t, p in route.items():
                        if t != g[0]: nv[group_index(t)] += v[a] * g[6] * p / others
                for t, p in g[7].items(): nv[group_index(t)] += v[a] * p
            v = nv
        for a in range(n):
            visits[a] += v[a]
            work[a] += v[a] * mean_work(GROUPS[a], name)
    return visits, work

def law_text(law, scale=1.0):
    """A log law as a scenario Distribution (hours), its values times `scale`."""
    values = ", ".join(f"{v * scale:.6g}" for v in law["values"])
    cum = ", ".join(f"{c:g}" for c in law["cumulative_probabilities"])
    return f"piecewise_linear {{ values: [{values}] cumulative_probabilities: [{cum}] }}"

def tickets_in_hand(effort_hours):
    """Tickets a person holds so that the mean time in hand of a first visit is `effort_hours` of effort."""
    return max(1, round(LOG[HOLD_FIRST_KEY]["law"]["law_mean"] / effort_hours))

def resolver_roster(offered_erlangs, cover):
    """Smallest day-shift team (Mon-Fri 07-19) with `cover` x that team (>= 1) at other times, such that
    weekly capacity >= offered work / TARGET_UTILISATION."""
    need = offered_erlangs * 168 / TARGET_UTILISATION
    day = 1
    while True:
        low = max(1, round(day * cover))
        if day * 60 + low * 108 >= need: break
        day += 1
    roster = []
    for d in range(7):
        for hh in range(48):
            h = hh / 2
            roster.append(day if d < 5 and DAY_SHIFT[0] <= h < DAY_SHIFT[1] else low)
    return roster, day, low

def erlang_c(c, a):
    if a >= c: return 1.0
    term, total = 1.0, 1.0
    for k in range(1, c): term *= a / k; total += term
    term *= a / c
    top = term * c / (c - a)
    return top / (total + top)

def rate_by_hour():
    rates = [0.0] * 168
    for name, users, r, prof, *_ in SEGMENTS:
        mean = users * r / HOURS_PER_MONTH
        s = sum(prof)
        for h in range(168): rates[h] += mean * prof[h] * 168 / s
    return rates

def mean_handle_minutes():
    total, weighted = 0.0, 0.0
    for name, users, r, prof, mix, _ in SEGMENTS:
        for ch, share in mix.items():
            total += users * r * share; weighted += users * r * share * CHANNELS[ch][0]
    return weighted / total

def roster(rates, aht_min):
    agents = []
    loads = []
    for h in range(168):
        a = rates[h] * STAFFING_MARGIN * aht_min / 60.0
        loads.append(rates[h] * aht_min / 60.0)
        c = max(2, math.floor(a) + 1)
        # 80% answered within 60 s (M/M/c) at the margin load.
        while 1 - erlang_c(c, a) * math.exp(-(c - a) * 60.0 / (aht_min * 60.0)) < 0.8: c += 1
        agents.append(c)
    # Shift blocks of 2 hours: the larger of the two hours, so a block never under-staffs.
    blocked = []
    for h in range(0, 168, 2):
        blocked += [max(agents[h], agents[h + 1])] * 2
    return blocked, loads

# --- Infrastructure tower: components, services, availability, outages that flood the desk ---
# Every figure is an [assumption] unless marked: the contract's availability targets and credit bands
# are not public; the bands are the published example [benchmark: 10% of the monthly fee below 99.9%,
# 25% below 99.0%, 50% below 95.0%], the targets the usual tiers [benchmark: 99.5 / 99.9 / 99.95%].
DATACENTRES = [("dc-primary", "primary hosting datacentre"), ("dc-secondary", "secondary hosting datacentre")]
CREWS = [("hosting-engineers", "hosting-datacentre", "hosting and datacentre engineers of the infrastructure tower"),
         ("network-engineers", "network-mobile-voice", "network and mobile/voice engineers of the infrastructure tower")]
# name, kind, datacentre, MTBF h, MTTR h (lognormal cv 1), crew, failed changes per year, cluster nodes
COMPONENTS = [
    ("core-network-a", "NETWORK_LINK", "dc-primary", 8760, 4, "network-engineers", 1, 0),
    ("core-network-b", "NETWORK_LINK", "dc-secondary", 8760, 4, "network-engineers", 1, 0),
    ("records-app-1", "HOST", "dc-primary", 4380, 6, "hosting-engineers", 2, 0),
    ("records-app-2", "HOST", "dc-secondary", 4380, 6, "hosting-engineers", 2, 0),
    ("records-db-primary", "HOST", "dc-primary", 8760, 8, "hosting-engineers", 1, 0),
    ("records-db-replica", "HOST", "dc-secondary", 8760, 8, "hosting-engineers", 1, 0),
    ("cad-node-1", "HOST", "dc-primary", 4380, 4, "hosting-engineers", 1, 0),
    ("cad-node-2", "HOST", "dc-primary", 4380, 4, "hosting-engineers", 1, 0),
    ("cad-node-3", "HOST", "dc-secondary", 4380, 4, "hosting-engineers", 1, 0),
    ("mobile-data-platform", "MOBILE_VOICE_PLATFORM", "dc-primary", 2190, 3, "network-engineers", 2, 0),
    ("office-cluster", "CLUSTER", "dc-secondary", 2920, 5, "hosting-engineers", 4, 8),
]
# name, description, dependency, target %, monthly fee GBP, dependent segments, storm peak per user per hour, category
SERVICES = [
    ("crime-records", "crime, intelligence and case records (applications tower)",
     ("all_of", [("any_of", ["records-app-1", "records-app-2"]), ("any_of", ["records-db-primary", "records-db-replica"]),
                 ("any_of", ["core-network-a", "core-network-b"])]),
     99.9, 60000, ["response-officers", "investigators", "police-staff"], 0.002, "policing-applications"),
    ("command-and-control", "computer-aided dispatch for the contact centre (applications tower)",
     ("all_of", [("k_of_n", 2, ["cad-node-1", "cad-node-2", "cad-node-3"]), ("any_of", ["core-network-a", "core-network-b"])]),
     99.95, 80000, ["contact-centre", "response-officers"], 0.004, "policing-applications"),
    ("mobile-data", "mobile data and voice for officers on the street (infrastructure tower)",
     ("all_of", ["mobile-data-platform"]), 99.5, 40000, ["response-officers"], 0.003, "mobile-device"),
    ("email-and-office", "email and office tools on the hosting cluster (infrastructure tower)",
     ("all_of", ["office-cluster", ("any_of", ["core-network-a", "core-network-b"])]),
     99.5, 30000, [], 0.001, "email-and-office"),
]


def dependency(d, indent):
    pad = " " * indent
    if isinstance(d, str):
        return [f'{pad}component: "{d}"']
    kind = d[0]
    if kind == "k_of_n":
        out = [f"{pad}k_of_n {{", f"{pad}  k: {d[1]}"]
        parts = d[2]
    else:
        out = [f"{pad}{kind} {{"]
        parts = d[1]
    for part in parts:
        out.append(f"{pad}  parts {{")
        out += dependency(part, indent + 4)
        out.append(f"{pad}  }}")
    out.append(f"{pad}}}")
    return out


def infrastructure(o):
    o("infrastructure {")
    o("  # Two hosting datacentres; components fail and are repaired by crews of the infrastructure tower;")
    o("  # MTBF/MTTR are [assumption]s of the order of vendor figures for servers, links and platforms.")
    for name, desc in DATACENTRES: o(f'  datacentres {{ name: "{name}" description: "{desc}" }}')
    o("  # Repairs are done by the infrastructure tower's resolver groups, whose engineers also work tickets:")
    o("  # a repair takes the next free engineer ahead of the group's queue [contract: one supplier runs")
    o("  # hosting, network and end-user services; assumption: the same teams repair and resolve].")
    for name, group, desc in CREWS: o(f'  repair_crews {{ name: "{name}" resolver_group: "{group}" }}   # {desc}')
    for name, kind, dc, mtbf, mttr, crew, changes, nodes in COMPONENTS:
        o("  components {")
        o(f'    name: "{name}"')
        o(f"    kind: {kind}")
        o(f'    datacentre: "{dc}"')
        o(f"    time_to_failure_hours {{ exponential {{ mean: {mtbf} }} }}   # MTBF [assumption]")
        o(f"    time_to_repair_hours {{ lognormal {{ mean: {mttr} cv: 1.0 }} }}   # crew work [assumption]")
        o(f'    repair_crew: "{crew}"')
        o(f"    failed_changes_per_year: {changes}   # changes that fail and take the component down [assumption]")
        if nodes: o(f"    cluster_nodes: {nodes}")
        o("  }")
    o("  # Monthly patching of the records application servers, one at a time, Sunday 02:00-04:00 (t = 0 is")
    o("  # Monday 00:00): redundancy keeps the service up [assumption].")
    o('  maintenance { components: ["records-app-1"] start_hours: 146 duration_hours: 2 every_hours: 672 }')
    o('  maintenance { components: ["records-app-2"] start_hours: 314 duration_hours: 2 every_hours: 672 }')
    for name, desc, dep, target, fee, segments, peak, category in SERVICES:
        o("  services {")
        o(f'    name: "{name}"')
        o(f'    description: "{desc}"')
        o("    depends_on {")
        for line in dependency(dep, 6): o(line)
        o("    }")
        o(f"    availability_target_percent: {target}   # [benchmark tier; the contract's is not public]")
        o(f"    monthly_fee_pounds: {fee}   # share of the tower's fee attributed to the service [assumption]")
        o("    credit_bands { availability_below_percent: 99.9 credit_percent_of_monthly_fee: 10 }   # [benchmark]")
        o("    credit_bands { availability_below_percent: 99.0 credit_percent_of_monthly_fee: 25 }   # [benchmark]")
        o("    credit_bands { availability_below_percent: 95.0 credit_percent_of_monthly_fee: 50 }   # [benchmark]")
        o("    business_hours { windows { days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY] start_hour: 8 end_hour: 18 } }")
        for seg in segments: o(f'    dependent_segments: "{seg}"')
        if not segments: o("    # every segment depends on it")
        users = sum(u for n, u, *_ in SEGMENTS if not segments or n in segments)
        o("    storm {")
        o(f"      # {users} dependent users x {peak} calls per user per hour at the peak = {users * peak:.0f} calls/h,")
        o("      # rising over ~10 min and decaying over ~1 h [assumption: most users wait or hear the outage message]")
        o(f"      peak_incidents_per_user_per_hour: {peak}")
        o("      rise_minutes: 10")
        o("      decay_minutes: 60")
        o('      channel: "phone"')
        o("      priority: 3   # duplicates of the P1 major incident [assumption]")
        o(f'      category: "{category}"')
        o("    }")
        o("  }")
    o("}")


def main():
    rates = rate_by_hour()
    aht = mean_handle_minutes()
    staff, loads = roster(rates, aht)
    per_month = sum(u * r for _, u, r, *_ in SEGMENTS)
    users = sum(u for _, u, *_ in SEGMENTS)
    cat_total = sum(c[1] for c in CATEGORIES)
    fcr = sum(c[1] * c[4] for c in CATEGORIES) / cat_total
    pmix = [0.0] * 4
    for name, w, imp, urg, _ in CATEGORIES:
        mix = priority_mix(name)
        for p in range(4): pmix[p] += w / cat_total * mix[p]
    peak_h = max(range(168), key=lambda h: loads[h])
    rho = [loads[h] / staff[h] for h in range(168)]
    agent_hours = sum(staff)   # staff holds one value per HOUR of the week (168): agent-hours per week
    L = []
    o = L.append
    for line in VARIANT_HEADER: o(line)
    o("# Baseline: the run-and-maintain service desk of a 44,000-user UK police force, with the")
    o("# resolver groups of both towers, the OLA and the contracts, and the infrastructure tower's")
    o("# components and services, whose outages flood the desk.")
    o("# GENERATED by scenarios/met/make_run_and_maintain.py (edit the assumptions there, then re-run).")
    o("# Sources: [contract] public description of the two-tower contract (domain.md); [benchmark] published")
    o("# service-desk benchmarks (domain.md); [log] the ServiceNow incident log (UCI dataset 498, doi:10.24432/C57S4H,")
    o("# CC BY 4.0): figures from scenarios/met/data/log_figures.json (see log-figures.md), cited by key, or as summarised")
    o("# in domain.md; [assumption] ours, said as such. Ticket volumes, staffing and SLA targets of")
    o("# the real contract are not public [contract].")
    o("#")
    o(f"# Demand: {users} users [contract: 'more than 44,000 officers and staff'], {per_month:.0f} incidents per month")
    o(f"# = {per_month/HOURS_PER_MONTH:.1f} per hour on average ({per_month/HOURS_PER_MONTH*24:.0f} per day) [assumption: 0.45-0.8 per user per month by")
    o("# segment; the log's organisation raised ~355 per weekday, size unknown].")
    o(f"# Mean level-1 handle time over the channel mix: {aht:.2f} min. Offered load (Erlangs = arrivals per hour x AHT):")
    o(f"# mean {sum(loads)/168:.2f}, peak {loads[peak_h]:.2f} ({DAYS[peak_h//24]} {peak_h%24:02d}:00), trough {min(loads):.2f}.")
    o(f"# Roster: Erlang C per half-hour (M/M/c on the total workload, AHT {aht:.2f} min), smallest c answering 80% within")
    o(f"# 60 s at {STAFFING_MARGIN:.2f} x the mean load of that half-hour (margin for bad days, day factor cv {DAY_FACTOR_CV}, and")
    o(f"# peaks within the hour), at least 2 agents, held constant over 2-hour blocks. {agent_hours:.0f} agent-hours per week")
    o(f"# ({agent_hours/168:.1f} agents on duty on average) = {agent_hours/HOURS_PER_FTE_WEEK:.1f} FTE at {HOURS_PER_FTE_WEEK:g} h/week on the roster, or")
    o(f"# {agent_hours/HOURS_PER_FTE_WEEK/(1-SHRINKAGE):.1f} FTE employed with {SHRINKAGE:.0%} shrinkage (leave, training, sickness) [assumption].")
    o(f"# Utilisation at mean load: mean {sum(rho)/168:.2f}, max {max(rho):.2f}: stable.")
    lp = LOG["priority.all"]
    o(f"# Resulting mix: FCR {fcr:.3f} [benchmark: HDI 66-70%]; priority P1 {pmix[0]:.3f}, P2 {pmix[1]:.3f}, P3 {pmix[2]:.3f},")
    o(f"# P4 {pmix[3]:.3f} [log (priority.all): P1 {lp['P1']:.3f}, P2 {lp['P2']:.3f}, P3 {lp['P3']:.3f}, P4 {lp['P4']:.3f}; ours has more")
    o("# policing-application and network incidents, which take the log's high-priority mix].")
    o("#")
    o("# Erlang C per hour of week at the mean load (agents, offered Erlangs, P(wait), share answered in 60 s):")
    for d in range(7):
        row = []
        for hh in range(0, 24, 3):
            h = 24 * d + hh
            a, c = loads[h], staff[h]
            pw = erlang_c(c, a)
            sl = 1 - pw * math.exp(-(c - a) * 60.0 / (aht * 60.0))
            row.append(f"{hh:02d}h c={c} A={a:.1f} Pw={pw:.2f} SL={sl:.2f}")
        o(f"#   {DAYS[d]}: " + "; ".join(row))
    o("# proto-file: scenarios/desksim/scenario.proto")
    o("# proto-message: desksim.scenario.Scenario")
    o(f'name: "{SCENARIO_NAME}"')
    o('description: "44,000-user police force, infrastructure-tower level-1 service desk, one simulated year (assumptions commented in the file)."')
    o("run {")
    o("  horizon_hours: 8904   # 1 week warm-up + 52 weeks measured [assumption]")
    o("  warmup_hours: 168     # the run starts empty; backlogs of resolver tickets take days to build up")
    o("  replications: 5")
    o("  seed: 1")
    o('  start_date: "2025-01-06"   # a Monday [assumption]')
    o("}")
    o("demand {")
    d = LOG["daily.weekday.without_anomalous_days"]
    o(f"  # Day-to-day variation: Gamma day factor [log (daily.weekday.without_anomalous_days): {d['days']} weekdays, mean")
    o(f"  # {d['mean']}, variance {d['variance']:.0f}, cv^2 = (var - m) / m^2]. Thu 21 and Fri 22 April 2016 (43 and 100 incidents")
    o("  # against 328-478) are excluded: a public holiday and its bridge day, a calendar effect for date_factors,")
    o(f"  # not random variation (with them cv = {LOG['daily.weekday.with_anomalous_days']['cv']:.2f}). Carried over to this force [assumption].")
    o(f"  day_factor_cv: {DAY_FACTOR_CV}")
    o("  population {")
    for s in SITES: o(f'    sites {{ name: "{s}" }}   # [assumption] boroughs grouped in six areas')
    for dname in ["desktop", "laptop", "laptop-and-mobile"]: o(f'    device_profiles {{ name: "{dname}" }}   # [assumption]')
    for name, users, r, prof, mix, device in SEGMENTS:
        o("    segments {")
        o(f'      name: "{name}"')
        o(f"      users: {users}   # [assumption] split of the 44,000 [contract]")
        o(f"      incidents_per_user_per_month: {r}   # [assumption]")
        o("      # Hour of week (Mon 00h first) [assumption: shape from the log's weekday peaks; 24/7 roles keep nights and weekends busy]")
        o("      hour_of_week_weights: [")
        for d in range(7):
            o("        " + ", ".join(f"{x:g}" for x in prof[24*d:24*d+24]) + ("," if d < 6 else "") + f"  # {DAYS[d]}")
        o("      ]")
        for site in SITES: o(f'      site_mix {{ name: "{site}" weight: {2 if site == "headquarters" and name == "police-staff" else 1} }}')
        o(f'      device_mix {{ name: "{device}" weight: 1 }}')
        for ch, share in mix.items(): o(f'      channel_mix {{ name: "{ch}" weight: {share} }}   # [assumption]')
        o("    }")
    o("  }")
    c = LOG["cancelled"]
    o(f"  # No cancellations (cancel_probability unset) [log (cancelled): no 'Canceled' state; {c['count']} of {LOG['data.incidents']['value']:,}")
    o("  # incidents closed without resolution, too few for a share or a delay distribution].")
    for name, w, imp, urg, f in CATEGORIES:
        o("  categories {")
        o(f'    name: "{name}"')
        o(f"    weight: {w}   # [assumption] share of incidents")
        o(f"    impact_probabilities: [{', '.join(f'{x:g}' for x in imp)}]   # 1 high, 2 medium, 3 low [assumption]; impact and")
        o(f"    urgency_probabilities: [{', '.join(f'{x:g}' for x in urg)}]   # urgency are not used: priority_probabilities is set")
        o(f"    first_contact_resolution_probability: {f}   # [assumption; overall {fcr:.1%} vs HDI 66-70% benchmark]")
        pool = PRIORITY_MIX[name]
        o(f"    priority_probabilities: [{', '.join(f'{x:g}' for x in priority_mix(name))}]   # P1..P4 [log (priority.pooled.{pool}); matching: assumption]")
        o("  }")
    o("}")
    o("desk {")
    o('  supplier: "infrastructure"   # [contract] the infrastructure tower runs the service desk')
    o("  live_contacts_first: true   # phone and walk-in before portal/email of the same priority [assumption]")
    o("  priority_matrix: [1, 2, 3, 2, 3, 4, 3, 4, 4]   # ITIL impact x urgency [benchmark]")
    o("  service_level_threshold_seconds: 60   # [assumption] report the share answered within 60 s")
    o("  # Agents on duty per half-hour of the week (Mon 00:00 first), sized by Erlang C as stated above.")
    o(f"  # Staffing: {agent_hours} agent-hours a week = {fte(agent_hours):.4f} FTE at {PAID_HOURS_PER_WEEK} paid hours and")
    o(f"  # {SHRINKAGE:.0%} shrinkage (desksim reports desk.fte the same way).")
    o(f"  staff_cost {{ pounds_per_fte_year: {DESK_FTE_YEAR_POUNDS} paid_hours_per_week: {PAID_HOURS_PER_WEEK} shrinkage: {SHRINKAGE} }}   # [assumption, see the generator]")
    o("  roster_agents_per_half_hour: [")
    roster_lines(o, staff, "    ")
    o("  ]")
    o("  channels {")
    o('    name: "phone"')
    o("    handle_time_minutes { lognormal { mean: 7 cv: 0.8 } }   # [benchmark] ~7 min phone handle time; cv [assumption]")
    o("    patience_minutes { exponential { mean: 4 } }   # [assumption]; gives abandonment near the <5% target when staffed as above")
    o("    redial_probability: 0.6   # [assumption]")
    o("    redial_delay_minutes { exponential { mean: 15 } }   # [assumption]")
    o("    callback_offer_queue_length: 10   # [assumption] offer a callback when 10 or more are waiting")
    o("    callback_acceptance_probability: 0.5   # [assumption]")
    o("  }")
    o("  channels {")
    o('    name: "portal"')
    o("    handle_time_minutes { lognormal { mean: 8 cv: 0.9 } }   # [assumption]")
    o("  }")
    o("  channels {")
    o('    name: "email"')
    o("    handle_time_minutes { lognormal { mean: 9 cv: 0.9 } }   # [assumption]")
    o("  }")
    o("  channels {")
    o('    name: "walk_in"')
    o("    handle_time_minutes { lognormal { mean: 12 cv: 0.7 } }   # deskside [assumption]")
    o("    patience_minutes { lognormal { mean: 20 cv: 0.5 } }   # [assumption]")
    o("    redial_probability: 0.3   # comes back later [assumption]")
    o("    redial_delay_minutes { exponential { mean: 120 } }   # [assumption]")
    o("  }")
    o("  resolver {")
    pu = LOG[PENDING_USER_KEY]
    o("    # Pending user before the resolver network (SLA clock paused). The resolver network itself is")
    o("    # `resolver_network` below, whose groups have their own waiting states; resolved_elsewhere_hours")
    o(f"    # is no longer used. [log ({PENDING_USER_KEY}): of {pu['incidents']} incidents that reach a")
    o(f"    # resolver group, {pu['entering']} waited on the user before the first one; mean {pu['hours_mean']:.0f} h, median {pu['hours_p50']:.0f} h]")
    o(f"    pending_user_probability: {pu['share']}   # [log]")
    o(f"    pending_user_hours {{ lognormal {{ mean: {pu['lognormal']['mean']} cv: {pu['lognormal']['cv']} }} }}   # [log] through the mean and median")
    o("  }")
    o("  lifecycle {")
    o("    auto_close_hours: 120   # [log] resolved-to-closed ~5 days (auto-close)")
    o("    reopen_probability: 0.03   # [assumption]")
    o("    reopen_after_hours { uniform { low: 1 high: 96 } }   # before auto-close [assumption]")
    o("  }")
    o("}")
    o("calendars {")
    o('  name: "uk-business-hours"   # [assumption] Mon-Fri 08:00-18:00, England and Wales bank holidays')
    for wd in range(1, 6): o(f"  working_days {{ weekday: {wd} start_hour: 8 end_hour: 18 }}")
    for h in ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
              "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06"]:
        o(f'  holidays: "{h}"')
    o("}")
    o("# What a resolver costs where a group says nothing else [assumption, see the generator]; the desk has its own.")
    o(f"staff_cost {{ pounds_per_fte_year: {RESOLVER_FTE_YEAR_POUNDS} paid_hours_per_week: {PAID_HOURS_PER_WEEK} shrinkage: {SHRINKAGE} }}")
    o("slas {")
    o('  supplier: "infrastructure"')
    o("  # Published examples [benchmark]: P1 15 min / 2-4 h; P2 30 min-1 h / 4-8 h; P3 2-4 h / 1-3 days;")
    o("  # P4 4-8 h / 3-5 days, business hours for P3-P4. Chosen: the lenient end of each range, since a")
    o("  # run-and-maintain contract with no transformation would not buy the strict end [assumption];")
    o("  # P1/P2 round the clock (24/7 policing), P3/P4 on business hours (a day = 10 working hours).")
    o("  targets { priority: 1 response_minutes: 15 resolution_hours: 4 }")
    o("  targets { priority: 2 response_minutes: 60 resolution_hours: 8 }")
    o('  targets { priority: 3 response_minutes: 240 resolution_hours: 30 calendar: "uk-business-hours" }')
    o('  targets { priority: 4 response_minutes: 480 resolution_hours: 50 calendar: "uk-business-hours" }')
    o("}")
    # ---- resolver network ----
    visits, work = resolver_loads(sum(rates) / 168)
    o("slas {")
    o(f'  supplier: "{APPS}"')
    o("  # The applications supplier's own SLA, measured on its own clock (time its groups hold a ticket)")
    o("  # [assumption: the contract is not public; somewhat tighter than end-to-end since it covers a part].")
    o("  targets { priority: 1 response_minutes: 30 resolution_hours: 3 }")
    o("  targets { priority: 2 response_minutes: 60 resolution_hours: 6 }")
    o('  targets { priority: 3 response_minutes: 240 resolution_hours: 24 calendar: "uk-business-hours" }')
    o('  targets { priority: 4 response_minutes: 480 resolution_hours: 40 calendar: "uk-business-hours" }')
    o("}")
    o("resolver_network {")
    o("  # Two suppliers [contract: a 'two-tower model' with a different supplier per tower; 'the infrastructure")
    o("  # supplier will be managing the applications supplier to some extent'].")
    o(f'  suppliers {{')
    o(f'    name: "{INFRA}"')
    o("    tower: INFRASTRUCTURE")
    o("    # sla_pauses_waiting_on_user/vendor/change unset: ITIL default, paused while waiting on the user, running")
    o("    # while waiting on a vendor or a change [assumption: the contract's rule is not public].")
    o("    contract {")
    o("      # Up to 600m pounds over five years [contract] = 10m pounds a month; credits on the monthly resolution")
    o("      # attainment, tiered like published availability credits (10/25/50% bands) but scaled down for a")
    o("      # ticket measure [benchmark: tiered credits; the bands are an assumption].")
    o("      monthly_fee_pounds: 10000000")
    o("      bands { attainment_below_percent: 95 credit_percent_of_monthly_fee: 1 }")
    o("      bands { attainment_below_percent: 90 credit_percent_of_monthly_fee: 3 }")
    o("      bands { attainment_below_percent: 80 credit_percent_of_monthly_fee: 6 }")
    o("    }")
    o("  }")
    o(f'  suppliers {{')
    o(f'    name: "{APPS}"')
    o("    tower: APPLICATIONS")
    o("    # sla_pauses_waiting_on_*: unset (ITIL default, as above) [assumption].")
    o("    contract {")
    o("      # Up to ~350m pounds [contract], assumed over five years = 5.8m pounds a month; plus a per-ticket")
    o("      # credit for each breach of its own resolution target [assumption].")
    o("      credit_per_breached_ticket_pounds: 50")
    o("      monthly_fee_pounds: 5800000")
    o("      bands { attainment_below_percent: 95 credit_percent_of_monthly_fee: 1 }")
    o("      bands { attainment_below_percent: 90 credit_percent_of_monthly_fee: 3 }")
    o("      bands { attainment_below_percent: 80 credit_percent_of_monthly_fee: 6 }")
    o("    }")
    o("  }")
    o(f'  integrator_supplier: "{INFRA}"   # the infrastructure tower runs service management [contract]')
    o("  # Crossing towers: logging in the other supplier's tool and triage [assumption].")
    o("  handoff_delay_hours { lognormal { mean: 0.5 cv: 1.0 } }")
    o("  # Sizing: visit rates from the traffic equations per category (desk exits = rate x (1 - FCR + reopen")
    o(f"  # {REOPEN}), then routing, escalation, misroute and transfers); offered load = visits/h x mean work;")
    o(f"  # day team Mon-Fri {DAY_SHIFT[0]:02d}-{DAY_SHIFT[1]:02d}, cover ratio of it at other times (>= 1), smallest day team with")
    o(f"  # weekly capacity >= offered work / {TARGET_UTILISATION} [assumption]. Escalation from level 2 to 3: 10-20% per")
    o("  # visit [log: Volvo IT 33% of tickets reach level 2, 7% level 3, i.e. ~20% of level-2 tickets];")
    o("  # misroutes: the rest of the log's onward share per visit (visits.reached_other_group) [log].")
    for a, g in enumerate(GROUPS):
        name, sup, level, mean, esc, esc_t, mis, trans, cover, ola = g
        group_roster, day, low = resolver_roster(work[a], cover)
        capacity = sum(group_roster) / 2
        o("  groups {")
        o(f'    name: "{name}"')
        o(f'    supplier: "{sup}"')
        o(f"    level: LEVEL_{level}")
        o(f"    # Offered: {visits[a]:.2f} visits/h x {work[a]/visits[a] if visits[a] else mean:.2f} h = {work[a]:.2f} Erlangs = {work[a]*168:.0f} work-h/week;")
        o(f"    # roster {day} (Mon-Fri {DAY_SHIFT[0]:02d}-{DAY_SHIFT[1]:02d}) / {low} otherwise = {capacity:.0f} resolver-h/week,")
        o(f"    # weekly utilisation {work[a]*168/capacity:.2f}: stable; {fte(capacity):.4f} FTE (cost: the scenario's staff_cost).")
        o("    roster_servers_per_half_hour: [")
        for d in range(7):
            o("      " + ", ".join(str(x) for x in group_roster[48*d:48*d+48]) + ("," if d < 6 else "") + f"  # {DAYS[d]}")
        o("    ]")
        first, later = LOG[HOLD_FIRST_KEY], LOG[HOLD_LATER_KEY]
        k = tickets_in_hand(mean)
        o(f"    # Time in hand per visit [log ({HOLD_FIRST_KEY}): n {first['n']}, mean {first['mean']:.1f} h, median {first['p50']:.2f} h,")
        o(f"    # p90 {first['p90']:.0f} h; this law's mean {first['law']['law_mean']:.1f} h]. Effort {mean} h per visit [assumption],")
        o(f"    # so {first['law']['law_mean']:.1f} / {mean} = {k} tickets in hand per person.")
        o(f"    tickets_in_hand: {k}")
        o(f"    work_hours {{ {law_text(first['law'])} }}")
        o(f"    # Later visits (back to this group) [log ({HOLD_LATER_KEY}): n {later['n']}, mean {later['mean']:.1f} h, median {later['p50']:.1f} h].")
        o(f"    later_visit_work_hours {{ {law_text(later['law'])} }}")
        for cat, prio, m in WORK_OVERRIDES.get(name, []):
            o(f'    work_overrides {{ category: "{cat}" priority: {prio} work_hours {{ {law_text(first["law"], m / mean)} }} }}'
              f'   # {m} h of effort: the law x {m / mean:g} [assumption]')
        o("    queue_discipline: PRIORITY   # P1 first [assumption: ITIL practice]")
        o("    # Waiting states after the work of a visit, per visit [log, key in log_figures.json; see the generator]:")
        for state, key, label in WAITING:
            w = LOG[key]
            o(f"    waiting {{ state: {state} probability: {w['probability']} duration_hours {{ {law_text(w['law'])} }} }}")
            o(f"    # ^ [log ({key}): '{label}' in {w['entering']} of {w['visits']} visits; mean {w['hours_mean']:.0f} h, median {w['hours_p50']:.0f} h, p90 {w['hours_p90']:.0f} h]")
        if esc > 0:
            o(f"    escalation_probability: {esc}   # [log: Volvo level 2 -> 3, see above]")
            for t, p in esc_t.items():
                o(f'    escalation_targets {{ group: "{t}" probability: {p} }}' + ("   # cross-tower (infrastructure level 3)" if GROUPS[group_index(t)][1] != sup else ""))
        if mis > 0: o(f"    reassignment_probability: {mis}   # misrouted: the log's onward share {ONWARD_PER_VISIT} less escalation and transfers [log]")
        for t, p in trans.items():
            o(f'    transfers {{ group: "{t}" probability: {p} }}   # needs a platform change [assumption]')
        if ola:
            effect, targets = ola
            o("    ola {")
            o(f"      target_hours: [{', '.join(str(x) for x in targets)}]   # P1..P4, wall clock [assumption]")
            o("      chase_at_share: 0.75   # the integrator chases at 75% of the target [assumption]")
            if effect == "priority_raise":
                o("      priority_raise { levels: 1 }   # on breach: one priority up in the group's queue [assumption]")
            else:
                o("      extra_capacity { servers: 1 hours: 8 }   # on breach: one more developer for a day [assumption]")
            o("    }")
        o("  }")
    for name, *_ in CATEGORIES:
        o("  routes {")
        o(f'    category: "{name}"   # [assumption]')
        for g, p in ROUTES[name].items(): o(f'    groups {{ group: "{g}" probability: {p} }}')
        o("  }")
    o("}")
    infrastructure(o)
    path = os.path.join(HERE, SCENARIO_NAME + ".textproto")
    open(path, "w").write("\n".join(L) + "\n")

SCENARIO_NAME = "run-and-maintain"
VARIANT_HEADER = []


def iso(day):
    return day.isoformat()


def hours_since_start(day):
    return (day - START).days * 24


def transformation():
    """transformation.textproto: the baseline over three years (run-and-maintain-3-years.textproto)
    with a transformation programme phased in over its first year [assumption throughout; the dates
    are those of a plausible plan, not of a real one]."""
    removed_share = sum(c[1] for c in CATEGORIES if c[0] == "password-and-account") / sum(c[1] for c in CATEGORIES)
    removed = 0.40 * removed_share  # 40% of password-and-account incidents automated away
    portal_live, portal_done = START + datetime.timedelta(weeks=13), START + datetime.timedelta(weeks=26)
    automation = START + datetime.timedelta(weeks=21)
    waves = [(START + datetime.timedelta(weeks=26 + 4 * w), START + datetime.timedelta(weeks=29 + 4 * w)) for w in range(3)]
    hosting_live = waves[-1][1]
    # The roster once the portal and automation are both in place: Erlang C on the new demand.
    global SEGMENTS
    base_segments = SEGMENTS
    moved_segments = []
    for name, users, rate, profile, mix, device in SEGMENTS:
        mix = dict(mix)
        moved = min(0.20, mix["phone"])
        mix["phone"] -= moved
        mix["portal"] += moved
        moved_segments.append((name, users, round(rate * (1 - removed), 4), profile, mix, device))
    SEGMENTS = moved_segments
    new_staff, _ = roster(rate_by_hour(), mean_handle_minutes())
    SEGMENTS = base_segments
    L = []
    o = L.append
    o("# proto-message: desksim.scenario.Scenario")
    o("# TRANSFORMATION: the run-and-maintain baseline over three years, with a transformation programme phased in")
    o("# over its first year. GENERATED by scenarios/met/make_run_and_maintain.py [assumption throughout: the dates and")
    o("# sizes are those of a plausible plan, not of a real one]. Compare with")
    o("#   desksim compare scenarios/met/run-and-maintain-3-years.textproto scenarios/met/transformation.textproto")
    o("# which prints the months in which the transformation is worse (during the migration) and by how much.")
    o('extends: "run-and-maintain-3-years.textproto"')
    o('name: "transformation"')
    o('description: "44,000-user police force: the baseline with self-service, automation, new hosting and restaffing phased in over 2025 (assumptions commented in the file)."')
    o("infrastructure {")
    o("  # Hosting migration in three waves of three weeks: while a wave runs, every component's failed changes are")
    o("  # three times as frequent (change freezes lifted, cut-overs) [assumption]. Hours since the start date.")
    o("  change_programme {")
    for a, b in waves:
        o(f"    phases {{ start_hours: {hours_since_start(a)} end_hours: {hours_since_start(b)} failed_change_multiplier: 3 }}   # {iso(a)} to {iso(b)}")
    o("  }")
    o("}")
    o("programme {")
    o("  ramp_step_days: 7")
    o("  # 1. Self-service portal: from go-live, 20 points of each segment's phone share move to the portal over")
    o("  #    three months (users learn it) [assumption].")
    o(f'  steps {{ name: "self-service portal" from_date: "{iso(portal_live)}" until_date: "{iso(portal_done)}"')
    for name, users, rate, profile, mix, device in base_segments:
        channels = list(mix)
        moved = min(0.20, mix["phone"])
        i_phone, i_portal = channels.index("phone"), channels.index("portal")
        o(f'    ramps {{ field: "demand.population.segments[name={name}].channel_mix[{i_phone}].weight" to: {mix["phone"] - moved:g} }}   # phone')
        o(f'    ramps {{ field: "demand.population.segments[name={name}].channel_mix[{i_portal}].weight" to: {mix["portal"] + moved:g} }}   # portal')
    o("  }")
    o(f"  # 2. Automation: self-service password resets remove 40% of password-and-account incidents ({removed:.1%} of all:")
    o("  #    every segment's rate falls by that share, the category's weight by 40%), and portal triage raises the")
    o("  #    first-contact resolution of end-user-device incidents from 0.60 to 0.70 [assumption].")
    o(f'  steps {{ name: "password-reset automation" from_date: "{iso(automation)}"')
    for name, users, rate, *_ in base_segments:
        o(f'    set {{ field: "demand.population.segments[name={name}].incidents_per_user_per_month" value: "{round(rate * (1 - removed), 4)}" }}')
    weight = [c[1] for c in CATEGORIES if c[0] == "password-and-account"][0]
    o(f'    set {{ field: "demand.categories[name=password-and-account].weight" value: "{weight * 0.6:g}" }}')
    o('    set { field: "demand.categories[name=end-user-device].first_contact_resolution_probability" value: "0.7" }')
    o("  }")
    o("  # 3. Restaffing: once the portal has taken its share, the desk roster is re-sized by the same Erlang C rule")
    o(f"  #    for the new demand: {sum(new_staff)} agent-hours a week = {fte(sum(new_staff)):.4f} FTE (the baseline's: see its desk) [assumption].")
    o(f'  steps {{ name: "desk restaffing" from_date: "{iso(portal_done)}"')
    o("    change { desk { roster_agents_per_half_hour: [")
    roster_lines(o, new_staff, "      ")
    o("    ] } }")
    o("  }")
    o("  # 4. New hosting, once the last wave is done: the records and office platforms fail half as often (MTBF x2) and")
    o("  #    are repaired faster (MTTR x0.75) [assumption]. Each component's next up period is drawn from the new law.")
    o(f'  steps {{ name: "new hosting live" from_date: "{iso(hosting_live)}"')
    for name, kind, dc, mtbf, mttr, crew, changes, nodes in COMPONENTS:
        if name.startswith("records-") or name == "office-cluster":
            o(f'    set {{ field: "infrastructure.components[name={name}].time_to_failure_hours.exponential.mean" value: "{mtbf * 2}" }}')
            o(f'    set {{ field: "infrastructure.components[name={name}].time_to_repair_hours.lognormal.mean" value: "{mttr * 0.75:g}" }}')
    o("  }")
    o("}")
    path = os.path.join(HERE, "transformation.textproto")
    open(path, "w").write("\n".join(L) + "\n")


START = datetime.date(2025, 1, 6)  # run.start_date of the baseline, a Monday
main()
transformation()
