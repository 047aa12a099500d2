#!/usr/bin/env bash
# Fuzzes every Jazzer target for a set time, one target per Maven invocation: Jazzer fuzzes one
# @FuzzTest per JVM and skips the others, so running them together would fuzz only the first.
#
#   scripts/fuzz.sh                 # 60 s per target (the build's jazzer.max_duration)
#   FUZZ_DURATION=5m scripts/fuzz.sh
#   scripts/fuzz.sh -o              # extra arguments go to Maven (-o: offline, once fetched)
#   FUZZ_TARGETS="RetryAfterFuzzTest" scripts/fuzz.sh   # only the targets whose name matches
#
# Fails if a target finds a crash, or was skipped instead of fuzzed. A crash is written next to
# the target's committed inputs (src/test/resources/.../<Target>Inputs/<method>/crash-*, kept out
# of git): fix it, then commit the file under a name that says what it is, so that every
# `mvn verify` replays it. Logs and a summary (executions, coverage, crashes) go to
# target/fuzz/.
set -uo pipefail

cd "$(dirname "$0")/.."
duration="${FUZZ_DURATION:-60s}"
out=target/fuzz
mkdir -p "$out"

# module:fully-qualified test class; each class holds exactly one @FuzzTest.
targets=(
  client-extensions:dev.eventpatch.hubspot.marketingevents.internal.ErrorBodyFuzzTest
  client-extensions:dev.eventpatch.hubspot.marketingevents.SuccessBodyFuzzTest
  client-extensions:dev.eventpatch.hubspot.marketingevents.internal.RetryAfterFuzzTest
  client-extensions:dev.eventpatch.hubspot.marketingevents.RateLimitHeadersFuzzTest
  client-extensions:dev.eventpatch.hubspot.marketingevents.TypedPropertyReadsFuzzTest
  cli:dev.eventpatch.hubspot.marketingevents.cli.PropertyArgumentFuzzTest
)

summary="$out/summary.md"
{
  echo "| target | result | executions | coverage (cov / ft) | corpus | crashes |"
  echo "|---|---|---|---|---|---|"
} > "$summary"
failed=0

for entry in "${targets[@]}"; do
  module="${entry%%:*}"
  class="${entry#*:}"
  name="${class##*.}"
  if [[ -n "${FUZZ_TARGETS:-}" && ! "$name" =~ ${FUZZ_TARGETS} ]]; then
    continue
  fi
  log="$out/$name.log"
  before=$(find "$module/src/test/resources" -name 'crash-*' 2>/dev/null | sort)
  echo "== fuzzing $name for $duration (log: $log)"
  # package, not verify: the tests run in the test phase, and the modules they depend on need
  # their packaged artifacts (the spec's yaml) from the same reactor.
  JAZZER_FUZZ=1 mvn -B -pl "$module" -am package \
    -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
    -Djazzer.max_duration="$duration" -Dmaven.javadoc.skip=true -Dmaven.source.skip=true "$@" > "$log" 2>&1
  status=$?
  after=$(find "$module/src/test/resources" -name 'crash-*' 2>/dev/null | sort)
  crashes=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')

  report="$module/target/surefire-reports/TEST-$class.xml"
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$header"; }
  header=""
  [[ -f "$report" ]] && header=$(grep -m1 '<testsuite' "$report")
  tests=$(attr tests); skipped=$(attr skipped); failures=$(attr failures); errors=$(attr errors)
  tests=${tests:-0} skipped=${skipped:-0}
  broken=$(( ${failures:-0} + ${errors:-0} ))
  # libFuzzer's last status line, such as "#123456 DONE cov: 345 ft: 1234 corp: 56/2Kb ...".
  done_line=$(grep -a -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
  runs=$(grep -a -o -E 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | sed -E 's/Done ([0-9]+) runs in ([0-9]+) second/\1 runs in \2 s/')
  cov=$(sed -n -E 's/.*cov: ([0-9]+) ft: ([0-9]+).*/\1 \/ \2/p' <<< "$done_line")
  corp=$(sed -n -E 's/.*corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<< "$done_line")

  if [[ -n "$crashes" || "$broken" -gt 0 ]]; then
    result="FAILED (crash or error)"
  elif [[ "$status" -ne 0 ]]; then
    result="BUILD FAILED"
  elif [[ "$tests" -eq 0 || "$skipped" -gt 0 || -z "$runs" ]]; then
    result="SKIPPED (not fuzzed)"
  else
    result="fuzzed"
  fi
  [[ "$result" == "fuzzed" ]] || failed=1
  echo "   $result: ${runs:-no runs}, cov/ft ${cov:-?}, corpus ${corp:-?}"
  if [[ -n "$crashes" ]]; then
    echo "$crashes" | sed 's/^/   new crash input: /'
  fi
  echo "| \`$name\` | $result | ${runs:-none} | ${cov:-?} | ${corp:-?} | $(echo "$crashes" | sed '/^$/d' | wc -l) |" >> "$summary"
done

echo
cat "$summary"
if [[ "$failed" -ne 0 ]]; then
  echo "fuzzing FAILED: a target crashed, failed to build, or was not fuzzed; see $out/" >&2
  exit 1
fi
