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
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackends;
import org.phasor.math.fft.SpectralFilter;

import java.util.concurrent.TimeUnit;

/**
 * One free-space propagation of a batch (FFT → multiply by the transfer function → inverse FFT), single
 * precision, on all cores. {@code kernel}: {@code freespace} is the real propagator
 * (org.phasor.optics.propagation.FreeSpace, band-limited ASM); {@code fused} is {@link SpectralFilter} (per item on one core);
 * {@code passes} runs the batched forward FFT, the multiply and the batched inverse FFT as three passes over
 * the batch (with {@code -Dphasor.fftw.threading=fftw} the FFTW passes are FFTW-threaded plan_many calls).
 *
 * <p>One fork: the machine has 2 cores and several users; run with {@code -f 3} for tighter error bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PropagationBenchmark {
    @Param({"256", "400", "512"})
    int n;
    @Param({"java", "fftw"})
    String backend;
    @Param({"16"})
    int batch;
    @Param({"freespace"})
    String kernel;
    private org.phasor.optics.propagation.FreeSpace freeSpace;

    private Fft2 fft;
    private ComplexArray field;
    private ComplexArray h;
    private ComplexArray hScaled;

    @Setup
    public void setup() {
        var fb = FftBackends.select(backend, System.err::println);
        fft = fb.plan(n, n, Precision.SINGLE);
        freeSpace = new org.phasor.optics.propagation.Propagator(fb, System.err::println)
                .freeSpace(BenchFixtures.grid(n), BenchFixtures.DISTANCE, org.phasor.optics.propagation.Method.BL_ASM, 1);
        field = BenchFixtures.random(Precision.SINGLE, batch, n, n, 1);
        h = BenchFixtures.transfer(BenchFixtures.grid(n), BenchFixtures.DISTANCE, Precision.SINGLE);
        hScaled = h.copy();
        if (!kernel.equals("fused") && !kernel.equals("passes") && !kernel.equals("freespace")) {
            throw new IllegalArgumentException("kernel must be freespace, fused or passes, got " + kernel);
        }
    }

    @Benchmark
    public ComplexArray propagate() {
        if (kernel.equals("freespace")) {
            freeSpace.apply(field);
        } else if (kernel.equals("fused")) {
            SpectralFilter.apply(fft, field, h, false);
        } else {
            fft.forward(field);
            PassKernels.multiplyBroadcast(field, hScaled);
            fft.inverse(field);
        }
        return field;
    }
}
