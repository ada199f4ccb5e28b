#!/usr/bin/env python3
"""Turns desksim_bench's JSON lines into the README's performance tables.

    build/bench/desksim_bench > bench.jsonl
    python3 bench/bench_tables.py bench.jsonl                 # print the tables
    python3 bench/bench_tables.py bench.jsonl --readme README.md   # replace them in the README

In the README the tables sit between the lines `<!-- bench:begin -->` and `<!-- bench:end -->`.
Each table says which target it is held to and whether the measured figure meets it.
"""
import argparse
import json
import sys


def met(ok):
    return "met" if ok else "**not met**"


def kernel_cells(k, component_seconds):
    """The kernel component's time and ratio cells (empty in lines from before it was measured), and
    the verdicts of desksim and of the kernel against the target."""
    component = k.get("kernel_component_ratio")
    cells = (f"{k[component_seconds]:.3f} s", f"{component:.2f}") if component else ("", "")
    verdict = f"desksim {met(k['ratio'] <= k['target_ratio'])}"
    if component:
        verdict += f", kernel {met(component <= k['target_ratio'])}"
    return cells, verdict


def with_growth(rows, series):
    """Each row with how its CPU grew against the row before it in the same series, per the growth
    of its tickets ("" for a series' first row)."""
    previous = {}
    for r in rows:
        p = previous.get(r[series])
        grow = f"{r['cpu_seconds'] / p['cpu_seconds']:.1f} per {r['tickets'] / p['tickets']:.1f}" if p else ""
        previous[r[series]] = r
        yield r, grow


def growth_table(rows, series, header, cells):
    """A table of runs that grow, one row per run: `cells(row)` gives its cells, None where the
    growth against the series' row before goes."""
    if not rows:
        return []
    out = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    for r, grow in with_growth(rows, series):
        out.append("| " + " | ".join(grow if c is None else c for c in cells(r)) + " |")
    return out + [""]


def tables(lines):
    by = {}
    for line in lines:
        by.setdefault(line["bench"], []).append(line)
    out = []
    if "kernel_mm10" in by or "kernel_mm10_process" in by:
        out += ["| M/M/10, ρ = 0.9 | customers | desksim | no statistics | kernel component | plain loop | desksim / plain | kernel / plain | target |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for k in by.get("kernel_mm10", []):
            component_cells, verdict = kernel_cells(k, "kernel_component_seconds")
            out.append(f"| in process, best of {k['repeats']} | {k['customers']:,} | {k['desksim_seconds']:.3f} s "
                       f"({k['ns_per_event']:.0f} ns/event) | {k['no_statistics_seconds']:.3f} s | {component_cells[0]} | "
                       f"{k['plain_loop_seconds']:.3f} s | {k['ratio']:.2f} | {component_cells[1]} | ≤ {k['target_ratio']}: {verdict} |")
        for k in by.get("kernel_mm10_process", []):
            component_cells, verdict = kernel_cells(k, "kernel_component_cpu_seconds")
            out.append(f"| whole process, CPU, median of {k['repeats']} | {k['customers']:,} | {k['desksim_cpu_seconds']:.3f} s | | "
                       f"{component_cells[0]} | {k['plain_loop_cpu_seconds']:.3f} s | {k['ratio']:.2f} | {component_cells[1]} | "
                       f"≤ {k['target_ratio']}: {verdict} |")
        out.append("")
    for s in by.get("startup", []):
        out += ["| start-up: one replication of 1,000 customers, whole process | measured | target |",
                "| --- | ---: | --- |",
                f"| wall time, median of {s['repeats']} | {s['wall_seconds'] * 1000:.0f} ms | ≤ {s['target_wall_seconds'] * 1000:.0f} ms {met(s['wall_seconds'] <= s['target_wall_seconds'])} |",
                f"| CPU time | {s['cpu_seconds'] * 1000:.0f} ms | |",
                f"| `desksim --help`, wall time | {s['help_wall_seconds'] * 1000:.0f} ms | |",
                f"| peak memory | {s['max_rss_mb']:.0f} MB | |", ""]
    for b in by.get("baseline_year", []):
        out += [f"| baseline year ({b['scenario']}, {b['tickets']:,} tickets, {b['events']:,} events) | measured | target |",
                "| --- | ---: | --- |",
                f"| CPU of one replication, in its process | {b['replication_cpu_seconds']:.2f} s ({b['us_per_ticket_in_process']:.2f} µs/ticket) | ≤ {b['target_cpu_seconds']} s {met(b['replication_cpu_seconds'] <= b['target_cpu_seconds'])} |",
                f"| `desksim run --replications 1`, CPU, all included | {b['process_cpu_seconds']:.2f} s ({b['us_per_ticket_all_included']:.2f} µs/ticket) | |",
                f"| peak memory | {b['process_max_rss_mb']:.0f} MB | ≤ {b['target_max_rss_mb']} MB {met(b['process_max_rss_mb'] <= b['target_max_rss_mb'])} |",
                f"| estimates and outputs, share of CPU (of wall time), 1 replication | {100 * b['output_share_1_replication']:.1f}% ({100 * b['output_wall_share_1_replication']:.1f}%) | ≤ {100 * b['target_output_share']:.0f}% {met(b['output_share_1_replication'] <= b['target_output_share'])} |",
                f"| the same, the scenario's {b['replications']} replications | {100 * b['output_share_own_replications']:.1f}% ({100 * b['output_wall_share_own_replications']:.1f}%) | ≤ {100 * b['target_output_share']:.0f}% {met(b['output_share_own_replications'] <= b['target_output_share'])} |", ""]
    out += growth_table(by.get("scaling", []), "series",
                        ["series", "users", "horizon", "tickets", "CPU", "ns/ticket", "time ×, per tickets ×", "peak memory"],
                        lambda r: [r["series"], f"{r['users']:,}", f"{r['horizon_hours'] / 730.5:.1f} months", f"{r['tickets']:,}",
                                   f"{r['cpu_seconds']:.2f} s", f"{r['ns_per_ticket']:.0f}", None, f"{r['max_rss_mb']:.0f} MB"])
    out += growth_table(by.get("open_records", []), "variant",
                        ["plain loop holding tickets open (the floor under the users series)", "users", "tickets",
                         "open, mean", "CPU", "ns/ticket", "time ×, per tickets ×"],
                        lambda r: [r["variant"], f"{r['users']:,.0f}", f"{r['tickets']:,}", f"{r['mean_open']:,.0f}",
                                   f"{r['cpu_seconds']:.2f} s", f"{r['ns_per_ticket']:.0f}", None])
    for p in by.get("parallel_replications", []):
        out += ["| 8 baseline replications | wall time | target |", "| --- | ---: | --- |",
                f"| `--jobs 1` | {p['jobs_1_wall_seconds']:.2f} s | |",
                f"| `--jobs 2` | {p['jobs_2_wall_seconds']:.2f} s ({p['ratio']:.2f} of `--jobs 1`) | ≤ {p['target_ratio']} {met(p['ratio'] <= p['target_ratio'])} |", ""]
    return "\n".join(out).rstrip() + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jsonl")
    parser.add_argument("--readme")
    args = parser.parse_args()
    with open(args.jsonl) as f:
        lines = [json.loads(line) for line in f if line.strip()]
    text = tables(lines)
    if not args.readme:
        sys.stdout.write(text)
        return
    with open(args.readme) as f:
        readme = f.read()
    begin, end = "<!-- bench:begin -->\n", "<!-- bench:end -->"
    if begin not in readme or end not in readme:
        sys.exit(f"{args.readme}: no {begin.strip()} ... {end} section to replace")
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(args.readme + ".tmp", "w") as f:
        f.write(head + begin + text + end + tail)
    import os
    os.replace(args.readme + ".tmp", args.readme)


if __name__ == "__main__":
    main()
