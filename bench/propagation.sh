#!/usr/bin/env bash
# Propagation kernel throughput: one band-limited ASM propagation of a batch of complex64 fields through
# org.phasor.optics.propagation.FreeSpace with the FFTW and the pure-Java backends, against the same work in C
# (bench/fftw_floor.c, same libfftw3f, MEASURE: "fftw-c" = fftwf_plan_many_dft with FFTW threads = 2 and a
# multiply pass, the issue's reference; "fftw-c-items" = per-item plans on 2 OpenMP threads with the multiply
# fused, Phasor's own strategy written in C). "vs C" is against fftw-c. Contestants alternate,
# ROUNDS times; medians of wall and process-CPU time per propagation, and Phasor's throughput as a share of C's.
#
#   bench/propagation.sh [BATCH] [ROUNDS] [REPS] [SIZES...]     defaults: 16 3 20 256 400 512
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$ROOT/scripts/env.sh"
BATCH=${1:-16}; ROUNDS=${2:-3}; REPS=${3:-20}; shift $(( $# < 3 ? $# : 3 )) || true
SIZES=${*:-256 400 512}
JAR="$ROOT/phasor-bench/target/phasor-benchmarks.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$JAR" -print -quit)" ]; then
  (cd "$ROOT" && mvn -q -B -DskipTests -pl phasor-bench -am package) >&2
fi
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.phasor.benchmarks.StepTimer)
"${JAVA[@]}" pairs 64 1 1 fftw 0 1 >/dev/null
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/phasor
LIBF=$(ls "$CACHE"/native/*/libfftw3f.so.3 | head -n 1)
FLOOR="$ROOT/phasor-bench/target/fftw_floor"
cc -O3 -march=native -fopenmp "$ROOT/bench/fftw_floor.c" -o "$FLOOR" "$LIBF" -Wl,-rpath,"$(dirname "$LIBF")" -lm
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
col() { sed -n "s/^\\(.* \\)\\{0,1\\}$1=\\([0-9.]*\\).*/\\2/p"; }
median() { sort -g "$1" | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
echo "propagation: batch=$BATCH, $ROUNDS rounds x $REPS, load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for r in $(seq 1 "$ROUNDS"); do
  for n in $SIZES; do
    for b in fftw java; do
      reps=$REPS; [ $b = java ] && reps=$(( (REPS + 3) / 4 ))
      log=$("${JAVA[@]}" prop "$n" "$BATCH" 1 $b 5 "$reps")
      grep '^ms=' <<<"$log" | col ms >>"$OUT/$b-$n"; grep '^ms=' <<<"$log" | col cpu_ms >>"$OUT/$b-$n.cpu"
    done
    log=$("$FLOOR" "$n" "$BATCH" 2 "$REPS" 1 batch)
    grep '^ms=' <<<"$log" | col ms >>"$OUT/c-$n"; grep '^ms=' <<<"$log" | col cpu_ms >>"$OUT/c-$n.cpu"
    log=$("$FLOOR" "$n" "$BATCH" 2 "$REPS" 1 items)
    grep '^ms=' <<<"$log" | col ms >>"$OUT/citems-$n"; grep '^ms=' <<<"$log" | col cpu_ms >>"$OUT/citems-$n.cpu"
  done
done
printf '\n%5s %-14s %9s %9s %12s %12s\n' N contestant "wall ms" "cpu ms" "wall vs C" "cpu vs C"
for n in $SIZES; do
  cw=$(median "$OUT/c-$n"); cc=$(median "$OUT/c-$n.cpu")
  for b in c citems fftw java; do
    w=$(median "$OUT/$b-$n"); c=$(median "$OUT/$b-$n.cpu")
    name=$b; [ $b = c ] && name="fftw-c"; [ $b = citems ] && name="fftw-c-items"; [ $b = fftw ] && name="phasor-fftw"; [ $b = java ] && name="phasor-java"
    printf '%5s %-14s %9.2f %9.2f %11.0f%% %11.0f%%\n' "$n" "$name" "$w" "$c" "$(awk -v a="$cw" -v b="$w" 'BEGIN{print 100*a/b}')" "$(awk -v a="$cc" -v b="$c" 'BEGIN{print 100*a/b}')"
  done
done
echo "(vs C = throughput as a share of the C floor's: C time / contestant time; load at end: $(cut -d' ' -f1-3 /proc/loadavg))"
