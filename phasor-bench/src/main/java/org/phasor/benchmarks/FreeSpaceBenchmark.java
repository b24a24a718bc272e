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
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.propagation.FreeSpace;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;

import java.util.concurrent.TimeUnit;

/**
 * The production free-space operator ({@link FreeSpace}, band-limited ASM at the FFM geometry) applied in place
 * to a single-precision batch, with and without ×2 zero padding — what a network layer costs per pass.
 * Compare with {@link PropagationBenchmark} (the bare fused kernel) to see the operator's overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FreeSpaceBenchmark {
    @Param({"256", "400"})
    int n;
    @Param({"1", "2"})
    int pad;
    @Param({"java", "fftw"})
    String backend;
    @Param({"10"})
    int batch;

    private FreeSpace op;
    private ComplexArray field;

    @Setup
    public void setup() {
        Propagator prop = new Propagator(FftBackends.select(backend, System.err::println), System.err::println);
        op = prop.freeSpace(BenchFixtures.grid(n), BenchFixtures.DISTANCE, Method.BL_ASM, pad);
        field = BenchFixtures.random(Precision.SINGLE, batch, n, n, 1);
    }

    @Benchmark
    public ComplexArray apply() {
        op.apply(field);
        return field;
    }
}
