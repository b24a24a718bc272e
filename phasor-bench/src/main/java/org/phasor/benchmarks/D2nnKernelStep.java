package org.phasor.benchmarks;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;
import org.phasor.math.Precision;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.SpectralFilter;
import org.phasor.optics.Grid;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The D2NN training step that the peer comparison times, written as fused kernels: {@code layers} phase masks
 * t_l = exp(iφ_l), u_l = t_l ⊙ P u_{l−1}, output o = P u_L, loss L = Σ(|o|² − T)²/B, exact adjoint gradient
 * ∂L/∂φ_l = Σ_b −2·Im(u_l ⊙ conj(g_l)) with g_l = ∂L/∂u_l* (PHYSICS.md), then plain SGD. The same step is in
 * bench/peers/step_torch.py (autograd) and step_numpy.py (hand-written adjoint).
 *
 * <p>Per item and on one core: copy in, propagate, modulate, keep u_l; after the last propagation the loss and
 * ∂L/∂o* = 2(|o|² − T)·o/B in the same pass; backwards, each adjoint propagation is followed by the gradient
 * accumulation (per-chunk accumulators, reduced once per layer) and the multiply by conj(t_l). 6 forward and
 * 5 adjoint propagations (the input needs no gradient, as in autograd). All buffers are made once.
 *
 * <p>This is the benchmark's reference kernel, used until org.phasor.model lands; it is the fused form the
 * model's network should reach.
 */
public final class D2nnKernelStep {
    private final int n;
    private final int layers;
    private final int batch;
    private final Fft2 fft;
    private final ComplexArray h;
    private final ComplexArray input;
    private final float[] target;
    private final ComplexArray work;
    private final ComplexArray[] saved;
    private final ComplexArray[] masks;
    private final double[][] phase;
    private final double[][] grad;
    private final double[][] partial; // [chunk][n²]
    private final double[] chunkLoss;
    private final ThreadLocal<double[][]> blocks =
            ThreadLocal.withInitial(() -> new double[][]{new double[2 * ComplexArray.BLOCK], new double[2 * ComplexArray.BLOCK]});

    public D2nnKernelStep(FftBackend backend, Precision precision, int n, int layers, int batch, long seed) {
        this.n = n;
        this.layers = layers;
        this.batch = batch;
        Grid g = BenchFixtures.grid(n);
        this.fft = backend.plan(n, n, precision);
        this.h = BenchFixtures.transfer(g, BenchFixtures.DISTANCE, precision);
        SplittableRandom rnd = new SplittableRandom(seed);
        this.input = ComplexArray.zeros(precision, batch, n, n);
        this.target = new float[batch * n * n];
        for (int i = 0; i < target.length; i++) {
            input.set(i, rnd.nextDouble(), 0); // amplitude images
            target[i] = (float) rnd.nextDouble(0, 1e-2);
        }
        this.work = input.zerosLike();
        this.saved = new ComplexArray[layers];
        this.masks = new ComplexArray[layers];
        this.phase = new double[layers][n * n];
        this.grad = new double[layers][n * n];
        for (int l = 0; l < layers; l++) {
            saved[l] = input.zerosLike();
            masks[l] = ComplexArray.zeros(precision, 1, n, n);
            for (int i = 0; i < n * n; i++) {
                phase[l][i] = rnd.nextDouble(0, 2 * Math.PI);
            }
        }
        this.partial = new double[Parallel.chunks(batch)][n * n];
        this.chunkLoss = new double[Parallel.chunks(batch)];
    }

    /** Forward, loss, adjoint gradient and an SGD update with rate {@code lr}; returns the loss before the update. */
    public double step(double lr) {
        double loss = forwardBackward();
        for (int l = 0; l < layers; l++) {
            double[] p = phase[l];
            double[] gr = grad[l];
            for (int i = 0; i < p.length; i++) {
                p[i] -= lr * gr[i];
            }
        }
        return loss;
    }

    /** Loss at the current phases; leaves ∂L/∂φ_l in {@link #gradient(int)}. */
    public double forwardBackward() {
        updateMasks();
        Arrays.fill(chunkLoss, 0);
        // forward: u_1 = t_1 ⊙ P x, …, u_L = t_L ⊙ P u_{L−1}, o = P u_L, then loss and ∂L/∂o* per item
        Parallel.forChunks(batch, (c, from, to) -> {
            for (int b = from; b < to; b++) {
                ComplexArray u = work.item(b);
                u.copyFrom(input.item(b));
                for (int l = 0; l < layers; l++) {
                    SpectralFilter.applySerial(fft, u, h, false);
                    modulateAndKeep(u, masks[l], saved[l].item(b));
                }
                SpectralFilter.applySerial(fft, u, h, false);
                chunkLoss[c] += lossAndSeed(u, b);
            }
        });
        // backward: g ← Pᴴ g; ∂L/∂φ_l += −2·Im(u_l ⊙ conj g); g ← conj(t_l) ⊙ g
        for (int l = layers - 1; l >= 0; l--) {
            int layer = l;
            Parallel.forChunks(batch, (c, from, to) -> {
                for (int b = from; b < to; b++) {
                    ComplexArray gItem = work.item(b);
                    SpectralFilter.applySerial(fft, gItem, h, true);
                    accumulateAndDemodulate(gItem, saved[layer].item(b), masks[layer], partial[c], layer > 0);
                }
            });
            reduce(grad[l]);
        }
        double loss = 0;
        for (double v : chunkLoss) {
            loss += v;
        }
        return loss / batch;
    }

    /** ∂L/∂φ of layer {@code l} from the last {@link #forwardBackward()} (row-major n×n). */
    public double[] gradient(int l) {
        return grad[l];
    }

    /** The phases of layer {@code l} (row-major n×n, live: tests perturb them). */
    public double[] phase(int l) {
        return phase[l];
    }

    private void updateMasks() {
        Parallel.forRange(layers * n, (from, to) -> {
            for (int r = from; r < to; r++) {
                int l = r / n;
                int row = (r % n) * n;
                for (int x = 0; x < n; x++) {
                    double p = phase[l][row + x];
                    masks[l].set(row + x, Math.cos(p), Math.sin(p));
                }
            }
        });
    }

    /** u ← t ⊙ u and keep ← u. */
    private void modulateAndKeep(ComplexArray u, ComplexArray t, ComplexArray keep) {
        double[][] blk = blocks.get();
        double[] a = blk[0];
        double[] m = blk[1];
        for (long i = 0; i < u.size(); i += ComplexArray.BLOCK) {
            int len = (int) Math.min(ComplexArray.BLOCK, u.size() - i);
            u.load(i, a, 0, len);
            t.load(i, m, 0, len);
            for (int k = 0; k < 2 * len; k += 2) {
                double ar = a[k];
                double ai = a[k + 1];
                a[k] = ar * m[k] - ai * m[k + 1];
                a[k + 1] = ar * m[k + 1] + ai * m[k];
            }
            u.store(i, a, 0, len);
            keep.store(i, a, 0, len);
        }
    }

    /** Returns Σ(|o|² − T)² of item b and leaves ∂L/∂o* = 2(|o|² − T)·o/B in o. */
    private double lossAndSeed(ComplexArray o, int b) {
        double[] a = blocks.get()[0];
        double sum = 0;
        int base = b * n * n;
        double s = 2.0 / batch;
        for (long i = 0; i < o.size(); i += ComplexArray.BLOCK) {
            int len = (int) Math.min(ComplexArray.BLOCK, o.size() - i);
            o.load(i, a, 0, len);
            for (int k = 0; k < len; k++) {
                double re = a[2 * k];
                double im = a[2 * k + 1];
                double d = re * re + im * im - target[base + (int) i + k];
                sum += d * d;
                a[2 * k] = s * d * re;
                a[2 * k + 1] = s * d * im;
            }
            o.store(i, a, 0, len);
        }
        return sum;
    }

    /** acc += −2·Im(u ⊙ conj g); then, if {@code demodulate}, g ← conj(t) ⊙ g. */
    private void accumulateAndDemodulate(ComplexArray g, ComplexArray u, ComplexArray t, double[] acc, boolean demodulate) {
        double[][] blk = blocks.get();
        double[] gb = blk[0];
        double[] ub = blk[1];
        for (long i = 0; i < g.size(); i += ComplexArray.BLOCK) {
            int len = (int) Math.min(ComplexArray.BLOCK, g.size() - i);
            int off = (int) i;
            g.load(i, gb, 0, len);
            u.load(i, ub, 0, len);
            for (int k = 0; k < len; k++) {
                // Im(u·conj g) = ui·gr − ur·gi
                acc[off + k] -= 2 * (ub[2 * k + 1] * gb[2 * k] - ub[2 * k] * gb[2 * k + 1]);
            }
            if (demodulate) {
                t.load(i, ub, 0, len);
                for (int k = 0; k < 2 * len; k += 2) {
                    double gr = gb[k];
                    double gi = gb[k + 1];
                    gb[k] = gr * ub[k] + gi * ub[k + 1];
                    gb[k + 1] = gi * ub[k] - gr * ub[k + 1];
                }
                g.store(i, gb, 0, len);
            }
        }
    }

    private void reduce(double[] into) {
        Arrays.fill(into, 0);
        for (double[] p : partial) {
            for (int i = 0; i < into.length; i++) {
                into[i] += p[i];
            }
            Arrays.fill(p, 0);
        }
    }
}
