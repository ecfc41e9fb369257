#!/usr/bin/env bash
# Benchmarks the corpuslint command on generated corpora of 10,000 and
# 100,000 articles against the read-only baseline (bench/readall.go: walk
# and read every file with two goroutines), measured in the same run and
# interleaved, so that load from other processes hits both alike. For each
# size it prints the medians of RUNS runs: seconds, files/s, MB/s, peak
# RSS, the ratio to the baseline, and a cached second run.
#
#   bench/run.sh                          # both sizes, 5 runs each
#   RUNS=3 SIZES=10000 bench/run.sh
#   CHECK="bench-out/lintall" bench/run.sh   # the engine driver instead
#
# The command runs with all default rules (corpus rules included),
# --no-cache for the cold runs, and the concise format to /dev/null.
# Corpora are generated once into bench-out/ (git-ignored) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=${SIZES:-"10000 100000"}
out=bench-out
mkdir -p "$out"
go build -o "$out/readall" bench/readall.go
go build -o "$out/corpuslint" ./cmd/corpuslint
go build -o "$out/lintall" bench/lintall.go # for CHECK="$out/lintall"
CHECK=${CHECK:-"$out/corpuslint --no-cache --no-progress -q --format concise"}
CACHED="$out/corpuslint --no-progress -q --format concise --cache-dir $out/cache"

# measure CMD...: appends "seconds peak_kib user_cpu_seconds" of one run to
# the file $1. CPU time is printed too: on a shared machine it varies less
# than the elapsed time.
measure() {
	local file=$1
	shift
	/usr/bin/time -f "%e %M %U" -o "$out/time.txt" "$@" >/dev/null || true # findings exit 1
	tail -n 1 "$out/time.txt" >>"$file" # after any "Command exited with non-zero status" line
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: >"$out/rss-by-size.txt"
for n in $SIZES; do
	dir="$out/corpus-$n"
	if [ ! -d "$dir" ]; then
		go run bench/generate.go -n "$n" -seed 1 -defects 0.01 -out "$dir" -manifest "$dir.defects"
	fi
	bytes=$(du -sb --apparent-size "$dir" | cut -f1)
	"$out/readall" "$dir" >/dev/null # warm the page cache
	: >"$out/base.txt"; : >"$out/check.txt"; : >"$out/ratio.txt"; : >"$out/cached.txt"
	rm -rf "$out/cache"
	$CACHED "$dir" >/dev/null || true # fill the cache
	for _ in $(seq "$RUNS"); do
		measure "$out/base.txt" "$out/readall" "$dir"
		# shellcheck disable=SC2086 # CHECK and CACHED are commands with arguments
		measure "$out/check.txt" $CHECK "$dir"
		# shellcheck disable=SC2086
		measure "$out/cached.txt" $CACHED "$dir"
		# The ratio of each pair, so that a burst of load skews one pair only.
		paste -d' ' <(tail -1 "$out/base.txt") <(tail -1 "$out/check.txt") | awk '{print $4/$1}' >>"$out/ratio.txt"
	done
	base=$(cut -d' ' -f1 "$out/base.txt" | median)
	check=$(cut -d' ' -f1 "$out/check.txt" | median)
	rss=$(cut -d' ' -f2 "$out/check.txt" | median)
	ratio=$(median <"$out/ratio.txt")
	cached=$(cut -d' ' -f1 "$out/cached.txt" | median)
	crss=$(cut -d' ' -f2 "$out/cached.txt" | median)
	bcpu=$(cut -d' ' -f3 "$out/base.txt" | median)
	ccpu=$(cut -d' ' -f3 "$out/check.txt" | median)
	awk -v n="$n" -v b="$bytes" -v base="$base" -v t="$check" -v rss="$rss" -v ratio="$ratio" -v c="$cached" -v crss="$crss" 'BEGIN {
		printf "%d files (%.0f MB): baseline %.3f s; check %.3f s, %.0f files/s, %.1f MB/s, peak RSS %.0f MiB; ratio %.2fx (median of pairs); cached run %.3f s, peak RSS %.0f MiB\n",
			n, b/1e6, base, t, n/t, b/1e6/t, rss/1024, ratio, c, crss/1024 }'
	echo "  user CPU (medians): baseline ${bcpu} s, check ${ccpu} s; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "$n $rss" >>"$out/rss-by-size.txt"
	echo "  runs (seconds): baseline $(cut -d' ' -f1 "$out/base.txt" | tr '\n' ' ')| check $(cut -d' ' -f1 "$out/check.txt" | tr '\n' ' ')| cached $(cut -d' ' -f1 "$out/cached.txt" | tr '\n' ' ')"
done
# With two sizes or more: how peak RSS grows per additional article, between
# the smallest and the largest corpus.
sort -n "$out/rss-by-size.txt" | awk 'NR == 1 {n0 = $1; r0 = $2} {n = $1; r = $2}
	END { if (n > n0) printf "peak RSS grows by %.2f KiB per additional article (%d to %d files)\n", (r - r0) / (n - n0), n0, n }'
