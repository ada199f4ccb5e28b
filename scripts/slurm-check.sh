#!/usr/bin/env bash
# Checks desksim-mpi under Slurm on this one machine (README, "Running across machines"): it sets up
# a private one-node Slurm cluster (Debian's slurmctld, slurmd and munge), then
#   1. srun --mpi=pmix runs a sweep over 2 ranks, whose outputs must be the local sweep's bytes;
#   2. a batch job with --resume hits its time limit (Slurm's SIGTERM, then SIGKILL after KillWait),
#      keeping its results; the same script submitted again completes the sweep, whose outputs must
#      be the local sweep's bytes;
#   3. mpirun inside a batch allocation (no -np, no hostfile) runs the sweep of step 1, same bytes.
# For a disposable test machine, as root: it installs packages, writes /etc/munge/munge.key if there
# is none, and refuses to run where a Slurm daemon already runs. Not part of the test suite (it takes
# some 5 minutes and starts daemons). Build first (bash scripts/quickstart.sh test, or cmake).
# Environment: BUILD_DIR (default build).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
DESKSIM=$PWD/$BUILD_DIR/app/desksim
LAUNCHER=$PWD/$BUILD_DIR/app/desksim-mpi
[[ -x $DESKSIM && -x $LAUNCHER ]] || { echo "slurm-check: build desksim and desksim-mpi first ($BUILD_DIR/app)" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "slurm-check: run as root (it starts Slurm's daemons)" >&2; exit 2; }
if pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null; then
  echo "slurm-check: a Slurm daemon already runs here; this check sets up its own cluster and will not touch it" >&2
  exit 2
fi

missing=()
for p in slurmctld slurmd slurm-client munge; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

WORK=$(mktemp -d /tmp/desksim-slurm-check.XXXXXX)
started_munge=0
cleanup() {
  [[ -f $WORK/slurmd.pid ]] && kill "$(cat "$WORK/slurmd.pid")" 2>/dev/null || true
  [[ -f $WORK/slurmctld.pid ]] && kill "$(cat "$WORK/slurmctld.pid")" 2>/dev/null || true
  ((started_munge)) && pkill -x munged || true
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -f /etc/munge/munge.key ]]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
if ! pgrep -x munged >/dev/null; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  su -s /bin/sh munge -c /usr/sbin/munged
  started_munge=1
fi

HOST=$(hostname -s)
mkdir -p "$WORK/state" "$WORK/spool" "$WORK/jobs"
cat >"$WORK/slurm.conf" <<EOF
ClusterName=desksimcheck
SlurmctldHost=$HOST
AuthType=auth/munge
SlurmUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ReturnToService=2
KillWait=30
NodeName=$HOST CPUs=$(nproc) State=UNKNOWN
PartitionName=check Nodes=$HOST Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
EOF
export SLURM_CONF=$WORK/slurm.conf
/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo -h -o %t | grep -q idle || { echo "slurm-check: the node did not come up ($WORK/slurmd.log)" >&2; exit 1; }

# M/M/10 points of 300,000 tickets: tasks of a few hundredths of a second.
cat >"$WORK/mm.textproto" <<'EOF'
name: "mm"
run { max_tickets: 300000 warmup_tickets: 500 replications: 2 seed: 11 }
demand { arrivals_per_hour: 54 }
desk { agents: 10 handle_time_minutes { exponential { mean: 10 } } }
EOF
SMALL="sweep $WORK/mm.textproto --vary desk.agents=10,11 -r 4 -q"
BIG="sweep $WORK/mm.textproto --vary desk.agents=10,11,12,13,14,15,16,17,18,19 -r 400 -q"

wait_for() { while squeue -h -j "$1" 2>/dev/null | grep -q .; do sleep 2; done; }
same() {  # same OUTPUT LOCAL WHAT
  if diff -r "$1" "$2" >/dev/null; then echo "slurm-check: $3: the local sweep's bytes"; else
    echo "slurm-check: FAILED: $3: the outputs differ from the local sweep's" >&2; exit 1; fi
}

echo "slurm-check: 1. srun --mpi=pmix over 2 ranks"
"$DESKSIM" $SMALL --out "$WORK/small-local" -j 2 >/dev/null
srun --mpi=pmix -n 2 "$LAUNCHER" $SMALL --out "$WORK/small-srun"
same "$WORK/small-srun" "$WORK/small-local" "srun"

echo "slurm-check: 2. a batch job stopped by its time limit, then submitted again (4,000 tasks)"
cat >"$WORK/big.sh" <<EOF
#!/bin/bash
#SBATCH --ntasks=2 --output=$WORK/jobs/%j.log
srun --mpi=pmix "$LAUNCHER" --resume $BIG --out "$WORK/big-slurm"
EOF
first=$(sbatch --parsable --time=00:01:00 "$WORK/big.sh")
wait_for "$first"
cat "$WORK/jobs/$first.log"
grep -q "DUE TO TIME LIMIT" "$WORK/jobs/$first.log" || { echo "slurm-check: FAILED: the first job was not stopped by its time limit" >&2; exit 1; }
# Rank 0 says what it kept as a rule; in one time-out of six here its line was lost (it was killed after
# KillWait instead), so the check is on what the second job finds kept.
grep -q "stopped by SIGTERM: the results of" "$WORK/jobs/$first.log" || echo "slurm-check: note: rank 0's line is missing"
second=$(sbatch --parsable --time=00:30:00 "$WORK/big.sh")
wait_for "$second"
cat "$WORK/jobs/$second.log"
grep -Eq "resuming: the results of [1-9][0-9]* of" "$WORK/jobs/$second.log" || { echo "slurm-check: FAILED: the second job found nothing kept" >&2; exit 1; }
"$DESKSIM" $BIG --out "$WORK/big-local" -j "$(nproc)" >/dev/null
same "$WORK/big-slurm" "$WORK/big-local" "stopped, then resumed"

echo "slurm-check: 3. mpirun inside a batch allocation"
cat >"$WORK/mpirun.sh" <<EOF
#!/bin/bash
#SBATCH --ntasks=2 --time=00:05:00 --output=$WORK/jobs/%j.log
mpirun --allow-run-as-root "$LAUNCHER" $SMALL --out "$WORK/small-mpirun"
EOF
third=$(sbatch --parsable "$WORK/mpirun.sh")
wait_for "$third"
cat "$WORK/jobs/$third.log"
same "$WORK/small-mpirun" "$WORK/small-local" "mpirun in an allocation"
echo "slurm-check: every check passed"
