#!/usr/bin/env bash
# Side-by-side D2NN training step (5 phase layers, N=256, batch 16, complex64, band-limited ASM, SGD):
# Phasor (the org.phasor.model network with the in-silico gradient and Adam, and the fused reference kernel
# D2nnKernelStep; FFTW through java.lang.foreign) vs PyTorch CPU (autograd) vs NumPy/SciPy (hand-written
# adjoint), plus two FFT floors: 11 batched FFT pairs through Phasor's FFTW binding, and the same 11
# propagations (FFT, multiply, inverse FFT) in C against the same libfftw3f with FFTW's own threads.
# The contestants run as separate processes, alternating, ROUNDS times; each prints per-step times and this
# script reports the median of all timed steps per contestant (wall time, and process CPU time, which is the
# steadier figure when other jobs share the cores) and the ratios.
#
#   bench/compare.sh [N] [BATCH] [ROUNDS] [REPS]        defaults: 256 16 3 10
#   PHASOR_PYTHON=/path/to/python3  picks the interpreter (default: /usr/bin/python3 when it has torch, else python3)
#   WITH_JAVA_FFT=1                 also times Phasor with the pure-Java FFT
#
# Peers use 2 threads (torch.set_num_threads(2), scipy workers=2; PEER_THREADS overrides). OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE are unset for the peer processes only (they slow a current NumPy; FFTs do not use BLAS).
# 6 forward + 5 adjoint propagations per step: the input needs no gradient (autograd skips it too).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$ROOT/scripts/env.sh"
N=${1:-256}; BATCH=${2:-16}; ROUNDS=${3:-3}; REPS=${4:-10}; LAYERS=5; WARMUP=3
PAIRS=$((2 * LAYERS + 1))
JAR="$ROOT/phasor-bench/target/phasor-benchmarks.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$JAR" -print -quit)" ]; then
  echo "compare: building phasor-bench ..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl phasor-bench -am package) >&2
fi
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.phasor.benchmarks.StepTimer)

PY=${PHASOR_PYTHON:-}
if [ -z "$PY" ]; then
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then PY=/usr/bin/python3
  elif command -v python3 >/dev/null; then PY=$(command -v python3)
  fi
fi
[ -n "$PY" ] || echo "compare: skip: no python3 found, the Python peers are left out" >&2

# The C floor: built against the libfftw3f that Phasor extracts (one fftw run puts it in the cache).
"${JAVA[@]}" pairs 64 1 1 fftw 0 1 >/dev/null
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/phasor
LIBF=$(ls "$CACHE"/native/*/libfftw3f.so.3 2>/dev/null | head -n 1 || true)
FLOOR=""
if command -v cc >/dev/null && [ -n "$LIBF" ]; then
  FLOOR="$ROOT/phasor-bench/target/fftw_floor"
  cc -O3 -march=native -fopenmp "$ROOT/bench/fftw_floor.c" -o "$FLOOR" "$LIBF" -Wl,-rpath,"$(dirname "$LIBF")" -lm \
    || { echo "compare: skip: cannot compile bench/fftw_floor.c, the C floor is left out" >&2; FLOOR=""; }
else
  echo "compare: skip: no C compiler or no extracted libfftw3f, the C floor is left out" >&2
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
run() { # name, command...: appends the ms= lines to $OUT/name, prints skips
  local name=$1; shift
  local log
  log=$("$@" 2>&1) || { echo "compare: $name failed:" >&2; echo "$log" | tail -n 5 >&2; return 0; }
  if grep -q '^skip:' <<<"$log"; then
    [ -f "$OUT/$name.skip" ] || grep '^skip:' <<<"$log" | head -n 1 | sed "s/^/compare: $name: /" >&2
    touch "$OUT/$name.skip"; return 0
  fi
  grep '^ms=' <<<"$log" | sed 's/^ms=\([0-9.]*\).*/\1/' >>"$OUT/$name"
  grep '^ms=' <<<"$log" | sed -n 's/.*cpu_ms=\([0-9.]*\).*/\1/p' >>"$OUT/$name.cpu"
  grep -E '^peer=' <<<"$log" | head -n 1 >"$OUT/$name.info" || true
}
PEER_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PEER_THREADS="${PEER_THREADS:-2}")
echo "compare: N=$N batch=$BATCH layers=$LAYERS, $ROUNDS rounds x $REPS steps (+$WARMUP warm-up each), load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for r in $(seq 1 "$ROUNDS"); do
  echo "compare: round $r/$ROUNDS" >&2
  run phasor-model "${JAVA[@]}" model "$N" "$BATCH" "$LAYERS" fftw "$WARMUP" "$REPS"
  run phasor-kernel "${JAVA[@]}" step "$N" "$BATCH" "$LAYERS" fftw "$WARMUP" "$REPS"
  [ -n "$PY" ] && run torch "${PEER_ENV[@]}" "$PY" "$ROOT/bench/peers/step_torch.py" "$N" "$BATCH" "$LAYERS" "$WARMUP" "$REPS"
  [ -n "$PY" ] && run numpy "${PEER_ENV[@]}" "$PY" "$ROOT/bench/peers/step_numpy.py" "$N" "$BATCH" "$LAYERS" "$WARMUP" "$REPS"
  run fftw-pairs "${JAVA[@]}" pairs "$N" "$BATCH" "$PAIRS" fftw "$WARMUP" "$REPS"
  [ -n "$FLOOR" ] && run fftw-c "$FLOOR" "$N" "$BATCH" 2 "$REPS" "$PAIRS"
  [ "${WITH_JAVA_FFT:-0}" = 1 ] && run phasor-javafft "${JAVA[@]}" model "$N" "$BATCH" "$LAYERS" java 1 "$REPS"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
P=$( [ -s "$OUT/phasor-model" ] && median "$OUT/phasor-model" || echo "")
PC=$( [ -s "$OUT/phasor-model.cpu" ] && median "$OUT/phasor-model.cpu" || echo "")
printf '\n%-15s %9s %8s %9s %8s %6s  %s\n' contestant "wall ms" "ratio" "cpu ms" "ratio" steps "what"
for name in phasor-model phasor-kernel phasor-javafft torch numpy fftw-pairs fftw-c; do
  [ -s "$OUT/$name" ] || continue
  m=$(median "$OUT/$name"); k=$(wc -l <"$OUT/$name")
  c=$( [ -s "$OUT/$name.cpu" ] && median "$OUT/$name.cpu" || echo 0)
  case $name in
    phasor-model) what="Phasor: org.phasor.model network + in-silico gradient + Adam, FFTW (java.lang.foreign)";;
    phasor-kernel) what="Phasor: fused reference kernel (D2nnKernelStep), FFTW, SGD";;
    phasor-javafft) what="Phasor: model step with the pure-Java FFT";;
    torch) what="PyTorch CPU autograd, complex64 ($(cut -d' ' -f1-3 "$OUT/$name.info" 2>/dev/null))";;
    numpy) what="NumPy/SciPy, hand-written adjoint ($(cut -d' ' -f1-5 "$OUT/$name.info" 2>/dev/null))";;
    fftw-pairs) what="floor: $PAIRS batched FFT pairs through Phasor's FFTW binding";;
    fftw-c) what="floor: $PAIRS propagations in C, FFTW threads=2, MEASURE";;
  esac
  ratio=$( [ -n "$P" ] && awk -v a="$m" -v b="$P" 'BEGIN {printf "%.2fx", a / b}' || echo "-")
  cratio=$( [ -n "$PC" ] && awk -v a="$c" -v b="$PC" 'BEGIN {printf "%.2fx", a / b}' || echo "-")
  printf '%-15s %9.1f %8s %9.1f %8s %6d  %s\n' "$name" "$m" "$ratio" "$c" "$cratio" "$k" "$what"
done
echo "(ratio = contestant / phasor-model, medians of all timed steps; above 1 means Phasor is faster. cpu = process CPU time, all threads. Load at end: $(cut -d' ' -f1-3 /proc/loadavg))"
