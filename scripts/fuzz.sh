#!/usr/bin/env bash
# A fuzzing session of fixed length: every Jazzer fuzz target (tests/src/test/java/io/racklet/tests/fuzz)
# in turn, each for SECONDS (default 600), at the lowest CPU priority.
#
#   scripts/fuzz.sh [SECONDS] [Class#method ...]      e.g. scripts/fuzz.sh 60 MessageFuzzTest#commandPayload
#
# A finding (any exception other than the parser's documented one) is saved by Jazzer as crash-* in the
# target's Inputs folder, which every normal test run replays. After each target, the inputs of its
# corpus (tests/.cifuzz-corpus, kept between sessions, not in Git) that reach code of ours no saved input
# reaches are merged into that folder too. Ends with a table (also in tests/target/fuzz/summary.md);
# exit status 1 if any target failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-600}"
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [Class#method ...]" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(RackSpecFuzzTest#rackSpec MessageFuzzTest#statusPayload MessageFuzzTest#commandPayload
    AgentConfigFuzzTest#bmcConfig AgentConfigFuzzTest#rmcConfig AgentConfigFuzzTest#controllerConfig
    ApiBodyFuzzTest#requestBody SignerKeysFuzzTest#allowedSigners SignerKeysFuzzTest#sshKey
    SignerKeysFuzzTest#openpgpKey BootManifestFuzzTest#manifest)
fi
PACKAGE=io.racklet.tests.fuzz
RESOURCES="$ROOT/tests/src/test/resources/${PACKAGE//.//}"
OUT="$ROOT/tests/target/fuzz"
# The parsers and the libraries they drive (Jackson, SnakeYAML, the JSON Schema validator, BouncyCastle)
# give the fuzzer coverage feedback; merging counts only our own code.
INSTRUMENT='io.racklet.**,com.fasterxml.jackson.**,org.yaml.snakeyaml.**,com.networknt.**,org.bouncycastle.**'
MVN=(nice -n 19 mvn -B -o -Dstyle.color=never -pl tests -am)

mkdir -p "$OUT"
cd "$ROOT"
echo "building; class path for merging in $OUT/classpath.txt"
"${MVN[@]}" -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
CP="$ROOT/tests/target/test-classes:$(cat "$OUT/classpath.txt")"

findings() { find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) 2>/dev/null | wc -l; }

SUMMARY="$OUT/summary.md"
{
  echo "| target | seconds | executions | exec/s | corpus (files) | coverage (edges, incl. libraries) | saved inputs | findings |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} > "$SUMMARY"
FAILED=0
for target in "${TARGETS[@]}"; do
  class="${target%%#*}"
  method="${target#*#}"
  inputs="$RESOURCES/${class}Inputs/$method"
  corpus="$ROOT/tests/.cifuzz-corpus/$PACKAGE.$class/$method"
  log="$OUT/$class.$method.log"
  mkdir -p "$inputs"
  before=$(findings "$inputs")
  echo "fuzzing $target for ${SECONDS_PER_TARGET}s (log: $log)"
  start=$(date +%s)
  outcome=passed
  # keep going after a finding (up to 10 distinct ones), so one session reports them all
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${SECONDS_PER_TARGET}s" JAZZER_INSTRUMENT="$INSTRUMENT" JAZZER_KEEP_GOING=10 \
    "${MVN[@]}" test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx1536m \
    >"$log" 2>&1 || outcome=FAILED
  elapsed=$(( $(date +%s) - start ))
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  runs=$(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/p' "$log" | tail -1)
  secs=$(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/p' "$log" | tail -1)
  cov=$(sed -nE 's/.* cov: ([0-9]+) .*/\1/p' <<<"$done_line")
  new=$(( $(findings "$inputs") - before ))
  [ "$new" -gt 0 ] && outcome="FAILED"
  files=$(find "$corpus" -type f 2>/dev/null | wc -l)
  if [ "$files" -gt 0 ]; then
    nice -n 19 java -cp "$CP" com.code_intelligence.jazzer.Jazzer --target_class="$PACKAGE.$class" \
      --target_method="$method" '--instrumentation_includes=io.racklet.**' -merge=1 "$inputs" "$corpus" \
      >"$OUT/$class.$method.merge.log" 2>&1 || echo "  merging the corpus failed: $OUT/$class.$method.merge.log"
  fi
  saved=$(find "$inputs" -type f | wc -l)
  if [ "$outcome" = passed ]; then note="none"; else note="$new new (see $log)"; FAILED=1; fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$target" "${secs:-$elapsed}" "${runs:--}" \
    "$(( ${runs:-0} / (${secs:-1} > 0 ? ${secs:-1} : 1) ))" "$files" "${cov:--}" "$saved" "$note" >> "$SUMMARY"
  echo "  $outcome in ${elapsed}s: ${runs:-?} executions, corpus $files files, $saved saved inputs, findings: $note"
done
echo
cat "$SUMMARY"
exit "$FAILED"
