package org.phasor.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.IntensityObjective;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.Profiles;
import org.phasor.sim.SimulatedBench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One fully-forward (FFM) gradient on the simulated bench: program {@code layers} phase SLMs, data pass and
 * error pass with {@code steps}-step phase-shifting holography at every plane, for a batch of {@code batch}
 * inputs; intensity-MSE objective; the FFM paper's geometry. {@code profile} is the bench's imperfection profile:
 * {@code ideal} measures the optics alone; {@code lab} adds what the full {@code ffm-layers} preset pays for on
 * every step — moved panels (three Fourier shears per panel per direction), a noisy camera on every frame, and the
 * reference phase re-measured before every measurement. One fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class FfmStepBenchmark {
    @Param({"256"})
    int n;
    @Param({"fftw"})
    String backend;
    @Param({"16"})
    int batch;
    @Param({"5"})
    int layers;
    @Param({"3"})
    int steps;
    @Param({"ideal"})
    String profile;

    private FullyForward ffm;
    private ComplexFrames inputs;
    private IntensityObjective mse;

    @Setup
    public void setup() {
        double[] distances = new double[layers + 1];
        Arrays.fill(distances, BenchFixtures.DISTANCE);
        BenchDescription d = new BenchDescription("benchmark", n, n, BenchFixtures.PITCH, BenchFixtures.WAVELENGTH,
                distances, layers, 256, 1.0 / 60);
        Propagator prop = new Propagator(FftBackends.select(backend, System.err::println), System.err::println);
        Imperfections imp = Profiles.load(profile);
        SimulatedBench bench = new SimulatedBench(d, imp, prop);
        boolean trackEach = imp.driftPhaseRadPerRootS() > 0; // as the preset does on a drifting bench
        Holography holo = new Holography(steps, layers + 2, trackEach);
        // a lab maps its gradients through the calibration it measured (registration, crosstalk), as the preset does
        BenchCalibration cal = profile.equals("ideal") ? BenchCalibration.nominal(d)
                : BenchCalibration.measure(bench, holo, 8, 4);
        ffm = new FullyForward(bench, cal, holo, List.of());
        SplittableRandom r = new SplittableRandom(1);
        double[][] phases = new double[layers][n * n];
        for (double[] p : phases) {
            for (int i = 0; i < p.length; i++) {
                p[i] = 2 * Math.PI * r.nextInt(256) / 256;
            }
        }
        ffm.program(phases);
        double[] amp = new double[batch * n * n];
        for (int i = 0; i < amp.length; i++) {
            amp[i] = r.nextDouble();
        }
        inputs = ComplexFrames.ofAmplitudes(batch, n, n, amp);
        double[] target = new double[n * n];
        for (int i = 0; i < target.length; i++) {
            target[i] = 1e-2 * r.nextDouble();
        }
        mse = (intensity, b, pixels, dLdI) -> {
            double l = 0;
            for (int k = 0; k < b; k++) {
                for (int p = 0; p < pixels; p++) {
                    double diff = intensity[k * pixels + p] - target[p];
                    l += diff * diff;
                    dLdI[k * pixels + p] = 2 * diff;
                }
            }
            return l;
        };
    }

    @Benchmark
    public FullyForward.Result gradient() {
        return ffm.gradient(inputs, mse);
    }
}
