#!/usr/bin/env bash
# The old client and this one measured side by side in one run (see BENCHMARKS.md, "Old and new
# side by side"): goodput under a rate limit (every scenario of Goodput, each for both clients),
# then JMH's end-to-end benchmark of the synchronous client (C) for both jars, with the GC
# profiler, and a table of new/old ratios. About 8 minutes on 2 cores.
#
#   OLD_JAR=path   required: the benchmarks jar of the older commit, built in a separate
#                  worktree with `mvn -B -pl benchmarks -am package -DskipTests` (never install)
#   SKIP_BUILD=1   use the jar already in benchmarks/target
#   JMH_ARGS="..." replaces the short JMH settings below
set -euo pipefail
cd "$(dirname "$0")/.."
: "${OLD_JAR:?set OLD_JAR to the older commit's benchmarks jar}"
OUT=benchmarks/target/results
JAR=benchmarks/target/benchmarks.jar
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.Goodput --old-jar "$OLD_JAR" \
  --out "$OUT/goodput.json" | tee "$OUT/goodput.txt"
JMH=${JMH_ARGS:--f 2 -wi 4 -w 1 -i 5 -r 1}
# shellcheck disable=SC2086
java -jar "$OLD_JAR" 'EndToEnd.C_client' $JMH -prof gc -rf json -rff "$OUT/jmh-old.json" > "$OUT/jmh-old.txt"
# shellcheck disable=SC2086
java -jar "$JAR" 'EndToEnd.C_client' $JMH -prof gc -rf json -rff "$OUT/jmh-new.json" > "$OUT/jmh-new.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.Report --goodput "$OUT/goodput.json" \
  --out "$OUT/goodput.md" > /dev/null
java -cp "$JAR" dev.eventpatch.hubspot.marketingevents.benchmarks.SideBySide --old "$OUT/jmh-old.json" \
  --new "$OUT/jmh-new.json" | tee "$OUT/side-by-side.md"
