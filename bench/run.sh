#!/usr/bin/env bash
# Benchmarks the whole check on generated corpora of 10,000 and 100,000
# articles against the read-only baseline (bench/readall.go: walk and read
# every file with two goroutines), measured in the same run. Prints the
# median of RUNS runs of each: seconds, files/s, MB/s, peak RSS, and the
# ratio to the baseline.
#
#   bench/run.sh                 # engine driver (bench/lintall.go)
#   CHECK="corpuslint check --no-cache" bench/run.sh   # the command, once wired
#
# Corpora are generated once into bench-out/ (git-ignored) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=${SIZES:-"10000 100000"}
out=bench-out
mkdir -p "$out"
go build -o "$out/readall" bench/readall.go
go build -o "$out/lintall" bench/lintall.go
CHECK=${CHECK:-"$out/lintall"}

# measure CMD...: prints "seconds peak_kib" for one run.
measure() {
	/usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >/dev/null
	cat "$out/time.txt"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for n in $SIZES; do
	dir="$out/corpus-$n"
	if [ ! -d "$dir" ]; then
		go run bench/generate.go -n "$n" -seed 1 -defects 0.01 -out "$dir" -manifest "$dir.defects"
	fi
	bytes=$(du -sb --apparent-size "$dir" | cut -f1)
	"$out/readall" "$dir" >/dev/null # warm the page cache
	: >"$out/base.txt"; : >"$out/check.txt"
	for _ in $(seq "$RUNS"); do
		measure "$out/readall" "$dir" >>"$out/base.txt"
		measure $CHECK "$dir" >>"$out/check.txt" || true # findings exit non-zero
	done
	base=$(cut -d' ' -f1 "$out/base.txt" | median)
	check=$(cut -d' ' -f1 "$out/check.txt" | median)
	rss=$(cut -d' ' -f2 "$out/check.txt" | median)
	awk -v n="$n" -v b="$bytes" -v base="$base" -v t="$check" -v rss="$rss" 'BEGIN {
		printf "%d files (%.0f MB): baseline %.3f s; check %.3f s, %.0f files/s, %.1f MB/s, peak RSS %.0f MiB; ratio %.2fx\n",
			n, b/1e6, base, t, n/t, b/1e6/t, rss/1024, t/base }'
done
