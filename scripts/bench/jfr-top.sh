#!/usr/bin/env bash
# jfr-top.sh FILE.jfr [N]: where the CPU samples of a JFR recording fall. Prints the N (default
# 25) hottest top frames and the share of samples whose stack passes through each area.
set -eu   # no pipefail: head closing the pipe early is how the listing ends
FILE=$1; N=${2:-25}
TMP=$(mktemp)
jfr print --events jdk.ExecutionSample --stack-depth 64 "$FILE" >"$TMP"
TOTAL=$(grep -c "jdk.ExecutionSample" "$TMP" || true)
echo "# $TOTAL execution samples in $FILE"
echo "# hottest top frames:"
awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$TMP" \
  | sort | uniq -c | sort -rn | head -"$N" | awk -v t="$TOTAL" '{printf "%5.1f%%  %s\n", 100*$1/t, substr($0, index($0,$2))}'
echo "# share of samples whose stack passes through:"
for area in "org.sqlite" "dev.accessgate.adapters.persistence" "dev.accessgate.adapters.http" \
    "dev.accessgate.domain" "dev.accessgate.application" "io.micronaut" "io.netty" \
    "com.fasterxml.jackson" "java.util.regex" "HashMap" "String.toLowerCase"; do
  n=$(awk -v a="$area" '/jdk.ExecutionSample/{if (hit) c++; hit=0} index($0, a){hit=1} END{if (hit) c++; print c+0}' "$TMP")
  awk -v n="$n" -v t="$TOTAL" -v a="$area" 'BEGIN{printf "%5.1f%%  %s\n", 100*n/t, a}'
done
rm -f "$TMP"
