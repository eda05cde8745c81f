#!/usr/bin/env bash
# growth.sh SOAK.csv [TOLERANCE]: for each resource column of a soak CSV, the least-squares slope
# over the second half of the samples, and whether it grows: it does when the fitted line rises
# over that half by more than TOLERANCE (default 0.10) of the column's mean there AND by more
# than a noise floor (a few fds or threads, a few MB). Latency columns are fitted and reported,
# not judged (the machine is shared). Exit 1 when a resource grows.
set -euo pipefail
csv=$1
tolerance=${2:-0.10}
awk -F, -v tol="$tolerance" '
  NR == 1 { for (i = 1; i <= NF; i++) name[i] = $i; cols = NF; next }
  { n++; for (i = 1; i <= NF; i++) v[n, i] = $i }
  END {
    # noise floors in the unit of each column
    floor["rss_mb"] = 32; floor["fds"] = 5; floor["threads"] = 5; floor["db_mb"] = 2; floor["wal_mb"] = 8
    floor["heap_after_gc_mb"] = 16
    if (n < 4) { print "too few samples (" n ") to fit a slope"; exit 1 }
    from = int(n / 2) + 1; m = n - from + 1
    printf "second half: samples %d..%d (minutes %.1f..%.1f)\n", from, n, v[from, 1], v[n, 1]
    printf "%-18s %12s %12s %14s  %s\n", "column", "mean", "slope/min", "fitted rise", "verdict"
    failed = 0
    for (i = 2; i <= cols; i++) {
      if (name[i] == "load1" || name[i] == "non_2xx") continue
      sx = sy = sxx = sxy = 0; k = 0
      for (r = from; r <= n; r++) { if (v[r, i] == "NaN") continue; x = v[r, 1]; y = v[r, i]; k++; sx += x; sy += y; sxx += x * x; sxy += x * y }
      if (k < 2) continue
      slope = (k * sxy - sx * sy) / (k * sxx - sx * sx); mean = sy / k
      rise = slope * (v[n, 1] - v[from, 1])
      verdict = "reported"
      if (name[i] in floor) {
        verdict = (rise > tol * mean && rise > floor[name[i]]) ? "GROWS" : "bounded"
        if (verdict == "GROWS") failed = 1
      }
      printf "%-18s %12.2f %12.3f %14.2f  %s\n", name[i], mean, slope, rise, verdict
    }
    bad = 0; for (r = 1; r <= n; r++) bad += v[r, cols - 1]
    printf "non-2xx answers over the whole run: %d\n", bad
    if (bad > 0) failed = 1
    print (failed ? "RESULT: something grows without bound or requests failed" : "RESULT: nothing grows without bound")
    exit failed
  }' "$csv"
