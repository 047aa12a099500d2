#!/usr/bin/env bash
# The documented benchmark run (see BENCHMARKS.md): builds the benchmarks jar, then runs
#   1. JMH, end to end and serialization alone, with the GC profiler (about 6 minutes),
#   2. goodput under a rate limit, four scenarios, each for the old client (OLD_JAR) and this one
#      (about 5 minutes),
#   3. cold start, fresh JVMs for A and C (about half a minute),
#   4. fleet: 4 JVMs against one strict rolling limit, (a) in-process limiter each, (b) sharing
#      the Redis limiter, (c) as (b) with redis-server killed for a few windows (about 3 minutes;
#      needs redis-server on the PATH; SKIP_FLEET=1 leaves it out),
# and writes JSON results and a markdown report to benchmarks/target/results/.
# The whole run, build included, takes under 10 minutes on 2 cores.
#
# Environment (all optional):
#   SKIP_BUILD=1         use the jar already in benchmarks/target
#   JMH_ARGS="..."       extra JMH options, such as "-f 1 -wi 2 -i 2" for a quick look,
#                        or a benchmark pattern such as "EndToEnd"
#   GOODPUT_ARGS="..."   such as "--scale 0.5" or "--scenarios default-50per1s"
#   OLD_JAR=path         the benchmarks jar of an older commit, measured side by side in the
#                        goodput run (build it in a separate worktree with
#                        `mvn -B -pl benchmarks -am package -DskipTests`, never `install`)
#   COLD_RUNS=N          cold-start runs per contender (default 10)
#   FLEET_ARGS="..."     such as "--updates 200 --limit 100 --window-ms 10000 --outage-windows 3"
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=benchmarks/target/results
JAR=benchmarks/target/benchmarks.jar
started=$(date +%s)

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== build"
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$OUT"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

echo "== JMH"
# shellcheck disable=SC2086
java -jar "$JAR" -prof gc -rf json -rff "$OUT/jmh.json" ${JMH_ARGS:-} | tee "$OUT/jmh.txt"

echo "== goodput"
# shellcheck disable=SC2086
java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.Goodput --out "$OUT/goodput.json" \
  ${OLD_JAR:+--old-jar "$OLD_JAR"} ${GOODPUT_ARGS:-} | tee "$OUT/goodput.txt"

echo "== cold start"
java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.ColdStart driver \
  --runs "${COLD_RUNS:-10}" --out "$OUT/coldstart.json" | tee "$OUT/coldstart.txt"

if [[ "${SKIP_FLEET:-0}" != 1 ]]; then
  echo "== fleet"
  # shellcheck disable=SC2086
  java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.FleetRun --out "$OUT/fleet.json" \
    ${FLEET_ARGS:-} | tee "$OUT/fleet.txt"
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.Report \
  --jmh "$OUT/jmh.json" --goodput "$OUT/goodput.json" --coldstart "$OUT/coldstart.json" \
  --load "$load_before / $load_after" --out "$OUT/results.md" > /dev/null

echo "== done in $(( $(date +%s) - started )) s; report: $OUT/results.md"
