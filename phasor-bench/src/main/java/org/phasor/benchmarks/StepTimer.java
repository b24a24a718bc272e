package org.phasor.benchmarks;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.FftBackends;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times one thing repeatedly in a fresh JVM and prints {@code ms=} per repetition and {@code median_ms=}, the
 * format bench/compare.sh reads from every contestant (Phasor, PyTorch, NumPy, the FFTW floors).
 *
 * <pre>
 * StepTimer model  N BATCH LAYERS BACKEND WARMUP REPS   D2NN training step of the real stack ({@link ModelTrainingStep})
 * StepTimer step   N BATCH LAYERS BACKEND WARMUP REPS   D2NN training step, fused reference kernel ({@link D2nnKernelStep})
 * StepTimer pairs  N BATCH PAIRS  BACKEND WARMUP REPS   PAIRS batched forward+inverse FFTs (the FFT floor)
 * StepTimer prop   N BATCH COUNT  BACKEND WARMUP REPS   COUNT free-space propagations (optics FreeSpace, BL-ASM)
 * </pre>
 * Not a benchmark harness (JMH is, see the *Benchmark classes): this exists so the peers can be interleaved
 * with Phasor process by process under identical conditions.
 */
public final class StepTimer {
    private StepTimer() {
    }

    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("usage: StepTimer model|step|pairs|prop N BATCH LAYERS|PAIRS java|fftw|auto WARMUP REPS");
            System.exit(2);
        }
        String what = args[0];
        int n = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        FftBackend backend = FftBackends.select(args[4], line -> System.err.println("phasor: " + line));
        int warmup = Integer.parseInt(args[5]);
        int reps = Integer.parseInt(args[6]);
        Runnable task;
        if (what.equals("model")) {
            ModelTrainingStep step = new ModelTrainingStep(backend, Precision.SINGLE, n, count, batch, 1);
            task = step::step;
        } else if (what.equals("step")) {
            D2nnKernelStep step = new D2nnKernelStep(backend, Precision.SINGLE, n, count, batch, 1);
            task = () -> step.step(1e-3);
        } else if (what.equals("prop")) {
            var grid = BenchFixtures.grid(n);
            var fs = new org.phasor.optics.propagation.Propagator(backend, org.phasor.optics.propagation.Propagator.STDERR)
                    .freeSpace(grid, BenchFixtures.DISTANCE, org.phasor.optics.propagation.Method.BL_ASM, 1);
            ComplexArray a = BenchFixtures.random(Precision.SINGLE, batch, n, n, 1);
            task = () -> {
                for (int p = 0; p < count; p++) {
                    fs.apply(a);
                }
            };
        } else if (what.equals("pairs")) {
            Fft2 fft = backend.plan(n, n, Precision.SINGLE);
            ComplexArray a = BenchFixtures.random(Precision.SINGLE, batch, n, n, 1);
            task = () -> {
                for (int p = 0; p < count; p++) {
                    fft.forward(a);
                    fft.inverse(a);
                }
            };
        } else {
            throw new IllegalArgumentException("unknown task '" + what + "' (model, step, pairs or prop)");
        }
        for (int w = 0; w < warmup; w++) {
            task.run();
        }
        // process CPU time as well as wall time: on a shared, oversubscribed machine it is the steadier figure
        ProcessCpuClock os = new ProcessCpuClock();
        double[] ms = new double[reps];
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = os.nanos();
            long t0 = System.nanoTime();
            task.run();
            ms[r] = (System.nanoTime() - t0) * 1e-6;
            cpu[r] = (os.nanos() - c0) * 1e-6;
            System.out.printf(Locale.ROOT, "ms=%.3f cpu_ms=%.3f%n", ms[r], cpu[r]);
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "median_ms=%.3f median_cpu_ms=%.3f backend=%s%n", ms[reps / 2], cpu[reps / 2], backend.name());
    }
}
