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
 * {@code impl=model} is the real stack ({@link ModelTrainingStep}: org.phasor.model network, in-silico
 * gradient, Adam); {@code impl=kernel} is {@link D2nnKernelStep}, the fused reference kernel. One fork
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
    @Param({"model", "kernel"})
    String impl;

    private java.util.function.DoubleSupplier step;

    @Setup
    public void setup() {
        var fft = FftBackends.select(backend, System.err::println);
        step = switch (impl) {
            case "model" -> new ModelTrainingStep(fft, Precision.SINGLE, n, layers, batch, 1)::step;
            case "kernel" -> {
                D2nnKernelStep k = new D2nnKernelStep(fft, Precision.SINGLE, n, layers, batch, 1);
                yield () -> k.step(1e-3);
            }
            default -> throw new IllegalArgumentException("impl must be model or kernel, got " + impl);
        };
    }

    @Benchmark
    public double trainingStep() {
        return step.getAsDouble();
    }
}
