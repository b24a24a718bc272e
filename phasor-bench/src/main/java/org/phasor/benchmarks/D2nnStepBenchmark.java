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
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;

import java.util.concurrent.TimeUnit;

/**
 * One D2NN training step (5 phase layers, batch 16, complex64): forward, loss, exact adjoint gradient, SGD.
 * {@code impl=kernel} is {@link D2nnKernelStep}, the fused reference the peer comparison uses. One fork
 * (2-core machine); {@code -f 3} for tighter error bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class D2nnStepBenchmark {
    @Param({"256", "400"})
    int n;
    @Param({"java", "fftw"})
    String backend;
    @Param({"16"})
    int batch;
    @Param({"5"})
    int layers;

    private D2nnKernelStep step;

    @Setup
    public void setup() {
        step = new D2nnKernelStep(FftBackends.select(backend, System.err::println), Precision.SINGLE, n, layers, batch, 1);
    }

    @Benchmark
    public double trainingStep() {
        return step.step(1e-3);
    }
}
