#include "analysis/export/dashboard_schema.hpp"

namespace desksim::analysis {

std::string_view dashboard_schema_sql() {
  return R"sql(
-- desksim dashboard database. Times are hours of simulated time unless a column's name says
-- otherwise; dates and datetimes are ISO-8601 local time, simulated time 0 being 00:00 on the
-- scenario's start_date. Shares are in [0, 1]. Every interval comes with the method that built it.

CREATE TABLE schema_info (
  key   TEXT PRIMARY KEY,   -- 'schema_version', 'written_by'
  value TEXT NOT NULL
);

CREATE TABLE scenarios (
  scenario_id   INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  description   TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,   -- 16 hex digits, FNV-1a 64 of the scenario: equal = the same scenario
  start_date    TEXT NOT NULL,   -- YYYY-MM-DD of simulated time 0
  horizon_hours REAL,
  warmup_hours  REAL
);

CREATE TABLE runs (
  run_id          INTEGER PRIMARY KEY,
  scenario_id     INTEGER NOT NULL REFERENCES scenarios (scenario_id),
  role            TEXT NOT NULL,    -- 'run'; 'base' or 'alternative' in a comparison; 'sweep point'
  fingerprint     TEXT NOT NULL,    -- 16 hex digits, hash of the seed and each replication's fingerprint
  desksim_version TEXT NOT NULL,
  seed            INTEGER NOT NULL,
  replications    INTEGER NOT NULL,
  confidence      REAL              -- of every interval of this run
);

CREATE TABLE replications (
  run_id              INTEGER NOT NULL REFERENCES runs (run_id),
  replication         INTEGER NOT NULL,   -- 0-based
  seed                INTEGER NOT NULL,
  fingerprint         TEXT NOT NULL,      -- 16 hex digits, hash of the event trajectory
  events              INTEGER NOT NULL,
  simulated_hours     REAL NOT NULL,
  measured_from_hours REAL NOT NULL,      -- end of the warm-up
  measured_from       TEXT NOT NULL,      -- the same as a datetime
  PRIMARY KEY (run_id, replication)
);

-- Every scalar measure of every replication (counters, tally means and quantiles, shares, time
-- averages, availabilities, credits): the raw material of the estimates.
CREATE TABLE measures (
  run_id      INTEGER NOT NULL,
  metric      TEXT NOT NULL,
  replication INTEGER NOT NULL,
  value       REAL,
  PRIMARY KEY (run_id, metric, replication)
) WITHOUT ROWID;

-- Across-replication estimate of each measure: mean and confidence interval.
CREATE TABLE estimates (
  run_id     INTEGER NOT NULL REFERENCES runs (run_id),
  metric     TEXT NOT NULL,
  topic      TEXT NOT NULL,   -- demand, desk, sla, resolver, availability, infrastructure, cost, other
  kind       TEXT NOT NULL,   -- share, indicator, non-negative, real: the range the interval keeps to
  unit       TEXT NOT NULL,   -- hours, minutes, pounds, share, tickets, agents, events, ... or ''
  n          INTEGER NOT NULL,
  mean       REAL,
  stddev     REAL,
  ci_low     REAL,
  ci_high    REAL,
  confidence REAL,
  method     TEXT NOT NULL,   -- student-t, lognormal-cox, log-t, logit-t, clopper-pearson, degenerate, none
  PRIMARY KEY (run_id, metric)
);

-- Across-replication estimate of each calendar month of each monthly series ("..._per_month"):
-- what a planner reads as "the months of risk".
CREATE TABLE monthly_estimates (
  run_id     INTEGER NOT NULL REFERENCES runs (run_id),
  series     TEXT NOT NULL,   -- e.g. sla.resolution_attainment_per_month, cost.total_pounds_per_month
  month      TEXT NOT NULL,   -- YYYY-MM
  unit       TEXT NOT NULL,
  n          INTEGER NOT NULL, -- replications that observed the month (a mean needs an observation)
  mean       REAL,
  ci_low     REAL,
  ci_high    REAL,
  confidence REAL,
  method     TEXT NOT NULL,
  PRIMARY KEY (run_id, series, month)
) WITHOUT ROWID;

-- Per-period sums or levels of each replication: daily (period_hours 24) and monthly (730.5 h
-- contract months) series, from simulated time 0 (the warm-up included; see measured).
CREATE TABLE series (
  run_id       INTEGER NOT NULL,
  replication  INTEGER NOT NULL,
  series       TEXT NOT NULL,    -- e.g. tickets.raised_per_day, supplier.x.credit_pounds_per_month
  period_hours REAL NOT NULL,
  period       INTEGER NOT NULL, -- 0-based index
  period_start TEXT NOT NULL,    -- datetime; for a daily series the date is substr(period_start, 1, 10)
  period_end   TEXT NOT NULL,
  measured     INTEGER NOT NULL, -- 1 when the period starts at or after the end of the warm-up
  value        REAL,
  PRIMARY KEY (run_id, series, replication, period)
) WITHOUT ROWID;

-- Quantities folded over the week: bin 0 is Monday 00:00-01:00.
CREATE TABLE profiles (
  run_id         INTEGER NOT NULL,
  replication    INTEGER NOT NULL,
  profile        TEXT NOT NULL,  -- e.g. desk.busy_agents_by_hour_of_week
  bin            INTEGER NOT NULL,
  weekday        TEXT,           -- Monday..Sunday for a 168-hour cycle
  hour           REAL,           -- hour of the day the bin starts
  value          REAL,           -- a sum (counts) or a time average (levels), as the name says
  exposure_hours REAL,           -- measured time in the bin; rate per hour = value / exposure_hours
  PRIMARY KEY (run_id, profile, replication, bin)
) WITHOUT ROWID;

-- SLA attainment (share of tickets within target) per supplier and priority, on each supplier's
-- own clock; supplier 'end-to-end' is the desk's end-to-end clock.
CREATE TABLE sla_attainment (
  run_id            INTEGER NOT NULL,
  supplier          TEXT NOT NULL,
  priority          TEXT NOT NULL,   -- 'all', 'P1'..'P4'
  clock             TEXT NOT NULL,   -- 'response' or 'resolution'
  n                 INTEGER NOT NULL,
  mean              REAL,
  ci_low            REAL,
  ci_high           REAL,
  method            TEXT NOT NULL,
  target_percent    REAL,            -- attainment below which contract credits start; NULL if none
  target_time_hours REAL,            -- the time target per ticket for this priority; NULL for 'all'
  calendar          TEXT,            -- calendar the clock runs on
  PRIMARY KEY (run_id, supplier, priority, clock)
);

-- Service availability against target over the measured window.
CREATE TABLE service_availability (
  run_id                      INTEGER NOT NULL,
  service                     TEXT NOT NULL,
  n                           INTEGER NOT NULL,
  availability                REAL,
  ci_low                      REAL,
  ci_high                     REAL,
  method                      TEXT NOT NULL,
  business_hours_availability REAL,
  target_percent              REAL,
  target_met_share            REAL,   -- share of replications that met the target
  target_met_low              REAL,   -- its Clopper-Pearson interval
  target_met_high             REAL,
  downtime_minutes            REAL,   -- mean unplanned downtime
  planned_downtime_minutes    REAL,
  credit_pounds               REAL,   -- mean service credits over the completed months
  PRIMARY KEY (run_id, service)
);

-- Per service, replication and availability month (730 hours from simulated time 0).
CREATE TABLE service_months (
  run_id           INTEGER NOT NULL,
  replication      INTEGER NOT NULL,
  service          TEXT NOT NULL,
  month            INTEGER NOT NULL,
  period_start     TEXT NOT NULL,
  period_end       TEXT NOT NULL,
  availability     REAL,
  downtime_minutes REAL,
  credit_pounds    REAL,
  PRIMARY KEY (run_id, service, replication, month)
) WITHOUT ROWID;

CREATE TABLE service_outages (
  run_id        INTEGER NOT NULL,
  replication   INTEGER NOT NULL,
  service       TEXT NOT NULL,
  outage        INTEGER NOT NULL,   -- 0-based, in start order
  start_hours   REAL NOT NULL,
  end_hours     REAL NOT NULL,
  start_at      TEXT NOT NULL,
  end_at        TEXT NOT NULL,
  ended         INTEGER NOT NULL,   -- 0: still down at the end of the run
  storm_tickets INTEGER NOT NULL,
  PRIMARY KEY (run_id, service, replication, outage)
) WITHOUT ROWID;

-- A comparison of two runs made on common random numbers: paired differences (alternative - base).
CREATE TABLE comparisons (
  comparison_id      INTEGER PRIMARY KEY,
  base_run_id        INTEGER NOT NULL REFERENCES runs (run_id),
  alternative_run_id INTEGER NOT NULL REFERENCES runs (run_id)
);

CREATE TABLE differences (
  comparison_id    INTEGER NOT NULL REFERENCES comparisons (comparison_id),
  metric           TEXT NOT NULL,
  unit             TEXT NOT NULL,
  n                INTEGER NOT NULL,
  base_mean        REAL,
  alternative_mean REAL,
  difference_mean  REAL,
  ci_low           REAL,
  ci_high          REAL,
  confidence       REAL,
  method           TEXT NOT NULL,   -- paired-t
  significant      INTEGER NOT NULL, -- 1 when the interval excludes 0
  PRIMARY KEY (comparison_id, metric)
);

-- The same per calendar month of each monthly series both runs have.
CREATE TABLE monthly_differences (
  comparison_id    INTEGER NOT NULL REFERENCES comparisons (comparison_id),
  series           TEXT NOT NULL,
  month            TEXT NOT NULL,   -- YYYY-MM
  unit             TEXT NOT NULL,
  n                INTEGER NOT NULL,
  base_mean        REAL,
  alternative_mean REAL,
  difference_mean  REAL,
  ci_low           REAL,
  ci_high          REAL,
  confidence       REAL,
  method           TEXT NOT NULL,
  significant      INTEGER NOT NULL,
  PRIMARY KEY (comparison_id, series, month)
) WITHOUT ROWID;

-- Parameter sweeps (desksim sweep): one run per point, all on common random numbers; each point's
-- run is in runs (role 'sweep point') with everything a run has.
CREATE TABLE sweeps (
  sweep_id  INTEGER PRIMARY KEY,
  scenario  TEXT NOT NULL,
  fields    TEXT NOT NULL   -- the varied scenario field paths, e.g. 'desk.agents', joined by ', '
);

CREATE TABLE sweep_points (
  sweep_id  INTEGER NOT NULL REFERENCES sweeps (sweep_id),
  point     INTEGER NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES runs (run_id),
  directory TEXT NOT NULL,  -- the point's results folder, relative to the sweep's
  PRIMARY KEY (sweep_id, point)
);

-- The value each point gives each varied field.
CREATE TABLE sweep_settings (
  sweep_id      INTEGER NOT NULL REFERENCES sweeps (sweep_id),
  point         INTEGER NOT NULL,
  field         TEXT NOT NULL,
  value         TEXT NOT NULL,   -- as given
  numeric_value REAL,            -- the same as a number, when it is one (for charts); else NULL
  PRIMARY KEY (sweep_id, point, field)
) WITHOUT ROWID;

-- Per-ticket records, when the run was asked for them (desksim run --tickets); empty otherwise.
CREATE TABLE tickets (
  run_id           INTEGER NOT NULL REFERENCES runs (run_id),
  replication      INTEGER NOT NULL,
  ticket           INTEGER NOT NULL,  -- the ticket's number in its replication
  opened_at        TEXT NOT NULL,     -- datetime
  opened_hours     REAL NOT NULL,
  user             INTEGER,
  channel          TEXT,
  category         TEXT,
  priority         INTEGER,           -- 1..4
  state            TEXT,              -- closed, cancelled, abandoned, or where it was at the end
  resolved_hours   REAL,              -- NULL: not resolved by the end
  closed_hours     REAL,
  response_met     INTEGER,           -- the desk supplier's end-to-end targets, 0/1; NULL: not decided
  resolution_met   INTEGER,
  queued_hours     REAL,              -- time in queues (desk and groups)
  in_service_hours REAL,              -- time being worked
  waiting_hours    REAL,              -- time waiting on the user, a vendor or a change
  visits           INTEGER,           -- resolver-group visits
  reassignments    INTEGER,           -- changes of group after the first
  PRIMARY KEY (run_id, replication, ticket)
) WITHOUT ROWID;

-- Views for dashboards.

-- Each estimate with its scenario: the headline table.
CREATE VIEW v_estimates AS
SELECT r.run_id, s.name AS scenario, r.role, e.topic, e.metric, e.unit, e.mean, e.ci_low, e.ci_high,
       e.confidence, e.method, e.n
FROM estimates e JOIN runs r USING (run_id) JOIN scenarios s USING (scenario_id);

-- Daily series averaged over replications, with the lowest and highest replication.
CREATE VIEW v_daily AS
SELECT run_id, series, substr(period_start, 1, 10) AS date, measured, AVG(value) AS mean,
       MIN(value) AS low, MAX(value) AS high, COUNT(*) AS replications
FROM series WHERE period_hours = 24
GROUP BY run_id, series, period;

-- Contract-month series (credits, attainment per month) averaged over replications.
CREATE VIEW v_monthly AS
SELECT run_id, series, period AS month, period_start, period_end, AVG(value) AS mean,
       MIN(value) AS low, MAX(value) AS high, COUNT(*) AS replications
FROM series WHERE period_hours > 24 * 27
GROUP BY run_id, series, period;

-- Daily counts summed into calendar months (measured days only), averaged over replications.
CREATE VIEW v_calendar_months AS
SELECT run_id, series, month, AVG(total) AS mean, MIN(total) AS low, MAX(total) AS high, MAX(days) AS days
FROM (SELECT run_id, replication, series, substr(period_start, 1, 7) AS month, SUM(value) AS total,
             COUNT(*) AS days
      FROM series WHERE period_hours = 24 AND measured = 1 AND series LIKE '%\_per\_day' ESCAPE '\'
      GROUP BY run_id, replication, series, month)
GROUP BY run_id, series, month;

-- SLA attainment in percent, and whether the interval is clearly above, clearly below or across
-- the contract's attainment target.
CREATE VIEW v_sla_attainment AS
SELECT run_id, supplier, priority, clock, 100 * mean AS attainment_percent, 100 * ci_low AS low_percent,
       100 * ci_high AS high_percent, target_percent, target_time_hours, method,
       CASE WHEN target_percent IS NULL THEN 'no target'
            WHEN 100 * ci_low >= target_percent THEN 'met'
            WHEN 100 * ci_high < target_percent THEN 'missed'
            ELSE 'uncertain' END AS status
FROM sla_attainment;

CREATE VIEW v_availability AS
SELECT run_id, service, 100 * availability AS availability_percent, 100 * ci_low AS low_percent,
       100 * ci_high AS high_percent, target_percent, method, target_met_share,
       CASE WHEN 100 * ci_low >= target_percent THEN 'met'
            WHEN 100 * ci_high < target_percent THEN 'missed'
            ELSE 'uncertain' END AS status
FROM service_availability;

-- Availability per service and month, averaged over replications.
CREATE VIEW v_availability_by_month AS
SELECT m.run_id, m.service, m.month, m.period_start, 100 * AVG(m.availability) AS availability_percent,
       100 * MIN(m.availability) AS low_percent, AVG(m.downtime_minutes) AS downtime_minutes,
       AVG(m.credit_pounds) AS credit_pounds, a.target_percent
FROM service_months m LEFT JOIN service_availability a USING (run_id, service)
GROUP BY m.run_id, m.service, m.month;

-- Desk load against staff by hour of week: tickets raised per hour, busy agents, agents on duty.
CREATE VIEW v_desk_load_by_hour_of_week AS
SELECT run_id, bin AS hour_of_week, weekday, hour,
       SUM(CASE WHEN profile = 'tickets.raised_by_hour_of_week' THEN value END) /
         SUM(CASE WHEN profile = 'tickets.raised_by_hour_of_week' THEN exposure_hours END) AS raised_per_hour,
       AVG(CASE WHEN profile = 'desk.busy_agents_by_hour_of_week' THEN value END) AS busy_agents,
       AVG(CASE WHEN profile = 'desk.agents_on_duty_by_hour_of_week' THEN value END) AS agents_on_duty,
       AVG(CASE WHEN profile = 'desk.utilisation_by_hour_of_week' THEN value END) AS utilisation
FROM profiles
WHERE profile IN ('tickets.raised_by_hour_of_week', 'desk.busy_agents_by_hour_of_week',
                  'desk.agents_on_duty_by_hour_of_week', 'desk.utilisation_by_hour_of_week')
GROUP BY run_id, bin;

-- Credits per month: per supplier (contract months of 730.5 h) and per service (730 h).
CREATE VIEW v_credits_by_month AS
SELECT run_id, 'supplier' AS payer_kind,
       substr(series, 10, length(series) - 9 - length('.credit_pounds_per_month')) AS payer,
       period AS month, period_start, AVG(value) AS credit_pounds
FROM series WHERE series LIKE 'supplier.%.credit\_pounds\_per\_month' ESCAPE '\'
GROUP BY run_id, series, period
UNION ALL
SELECT run_id, 'service', service, month, period_start, AVG(credit_pounds)
FROM service_months GROUP BY run_id, service, month;

-- Monthly estimates with their scenario, for month-by-month charts.
CREATE VIEW v_monthly_estimates AS
SELECT r.run_id, s.name AS scenario, r.role, m.series, m.month, m.unit, m.mean, m.ci_low, m.ci_high, m.n
FROM monthly_estimates m JOIN runs r USING (run_id) JOIN scenarios s USING (scenario_id);

-- Month-by-month differences of a comparison: in which months the alternative is worse, by how much.
CREATE VIEW v_monthly_differences AS
SELECT d.comparison_id, sb.name AS base, sa.name AS alternative, d.series, d.month, d.unit, d.base_mean,
       d.alternative_mean, d.difference_mean, d.ci_low, d.ci_high, d.significant
FROM monthly_differences d JOIN comparisons c USING (comparison_id)
JOIN runs rb ON rb.run_id = c.base_run_id JOIN scenarios sb ON sb.scenario_id = rb.scenario_id
JOIN runs ra ON ra.run_id = c.alternative_run_id JOIN scenarios sa ON sa.scenario_id = ra.scenario_id;

-- Every estimate of every sweep point with the point's settings: a measure against a varied field.
CREATE VIEW v_sweep_estimates AS
SELECT p.sweep_id, p.point, st.field, st.value, st.numeric_value, e.topic, e.metric, e.unit, e.mean, e.ci_low,
       e.ci_high, e.n
FROM sweep_points p JOIN sweep_settings st USING (sweep_id, point) JOIN estimates e ON e.run_id = p.run_id;

-- Differences between the runs of a comparison, with both scenarios' names.
CREATE VIEW v_differences AS
SELECT d.comparison_id, sb.name AS base, sa.name AS alternative, d.metric, d.unit, d.base_mean,
       d.alternative_mean, d.difference_mean, d.ci_low, d.ci_high, d.method, d.significant
FROM differences d JOIN comparisons c USING (comparison_id)
JOIN runs rb ON rb.run_id = c.base_run_id JOIN scenarios sb ON sb.scenario_id = rb.scenario_id
JOIN runs ra ON ra.run_id = c.alternative_run_id JOIN scenarios sa ON sa.scenario_id = ra.scenario_id;
)sql";
}

}  // namespace desksim::analysis
