package org.phasor.task.generative.digital;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A small fully connected network with hand-written backpropagation, for the digital side of the generative
 * task: the fixed feature extractor (classifier) of the metrics and the digital VAE baseline. Not an optical
 * model; it exists so the metrics and the baseline need no machine-learning library.
 *
 * <p>Parameters live in one flat array {@link #params()} (layer by layer: weights row-major out×in, then
 * biases) so one optimiser and one .npy file cover them. Batches are row-major {@code batch × width} double
 * arrays; work is parallel over batch rows (forward, input gradient) or output units (weight gradient).
 */
public final class Mlp {

    /** Element-wise activation applied after each affine layer. */
    public enum Activation {
        IDENTITY, RELU, TANH, SIGMOID;

        double apply(double z) {
            return switch (this) {
                case IDENTITY -> z;
                case RELU -> z > 0 ? z : 0;
                case TANH -> Math.tanh(z);
                case SIGMOID -> 1 / (1 + Math.exp(-z));
            };
        }

        /** Derivative expressed through the activation's output a = f(z). */
        double derivativeFromOutput(double a) {
            return switch (this) {
                case IDENTITY -> 1;
                case RELU -> a > 0 ? 1 : 0;
                case TANH -> 1 - a * a;
                case SIGMOID -> a * (1 - a);
            };
        }
    }

    /** Activations of every layer of one forward pass; {@code acts[0]} is the input. */
    public record Pass(int batch, double[][] acts) {
        public double[] output() {
            return acts[acts.length - 1];
        }
    }

    private final int[] sizes;
    private final Activation[] activations;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final double[] params;
    private final double[] grads;

    /**
     * @param sizes       layer widths, input first ({@code sizes.length − 1} affine layers)
     * @param activations one per affine layer
     * @param seed        seed of the He/Xavier initialisation
     */
    public Mlp(int[] sizes, Activation[] activations, long seed) {
        if (sizes.length < 2 || activations.length != sizes.length - 1) {
            throw new IllegalArgumentException("an MLP needs ≥ 2 layer sizes and one activation per affine layer, got "
                    + sizes.length + " sizes and " + activations.length + " activations");
        }
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        int layers = sizes.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int n = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = n;
            n += sizes[l] * sizes[l + 1];
            biasOffset[l] = n;
            n += sizes[l + 1];
        }
        params = new double[n];
        grads = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            double std = activations[l] == Activation.RELU ? Math.sqrt(2.0 / sizes[l]) : Math.sqrt(1.0 / sizes[l]);
            for (int i = 0; i < sizes[l] * sizes[l + 1]; i++) {
                params[weightOffset[l] + i] = std * rnd.nextGaussian();
            }
        }
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public int[] sizes() {
        return sizes.clone();
    }

    /** The flat parameter vector (live: optimisers update it in place). */
    public double[] params() {
        return params;
    }

    /** Accumulated gradients, same layout as {@link #params()}. */
    public double[] grads() {
        return grads;
    }

    /** Replaces all parameters (e.g. loaded weights); the length must match. */
    public void setParams(double[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " MLP parameters for sizes "
                    + java.util.Arrays.toString(sizes) + ", got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grads, 0);
    }

    /** Forward pass of a {@code batch × inputs()} row-major batch. */
    public Pass forward(double[] x, int batch) {
        if (x.length != batch * sizes[0]) {
            throw new IllegalArgumentException("MLP input must be " + batch + " x " + sizes[0] + ", got " + x.length + " values");
        }
        double[][] acts = new double[sizes.length][];
        acts[0] = x;
        for (int l = 0; l < sizes.length - 1; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] a = acts[l];
            double[] z = new double[batch * out];
            int wo = weightOffset[l];
            int bo = biasOffset[l];
            Activation f = activations[l];
            IntStream.range(0, batch).parallel().forEach(b -> {
                for (int j = 0; j < out; j++) {
                    double s = params[bo + j];
                    int w = wo + j * in;
                    int ai = b * in;
                    for (int i = 0; i < in; i++) {
                        s += params[w + i] * a[ai + i];
                    }
                    z[b * out + j] = f.apply(s);
                }
            });
            acts[l + 1] = z;
        }
        return new Pass(batch, acts);
    }

    /**
     * Backward pass: {@code dOut} is ∂L/∂(network output, after the last activation). Adds the parameter
     * gradients to {@link #grads()} and returns ∂L/∂input.
     */
    public double[] backward(Pass pass, double[] dOut) {
        int batch = pass.batch();
        double[] delta = dOut.clone();
        for (int l = sizes.length - 2; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] a = pass.acts()[l + 1];
            double[] x = pass.acts()[l];
            Activation f = activations[l];
            for (int i = 0; i < batch * out; i++) {
                delta[i] *= f.derivativeFromOutput(a[i]);
            }
            int wo = weightOffset[l];
            int bo = biasOffset[l];
            double[] d = delta;
            IntStream.range(0, out).parallel().forEach(j -> {
                int w = wo + j * in;
                double gb = 0;
                for (int b = 0; b < batch; b++) {
                    double dj = d[b * out + j];
                    if (dj == 0) {
                        continue;
                    }
                    gb += dj;
                    int xi = b * in;
                    for (int i = 0; i < in; i++) {
                        grads[w + i] += dj * x[xi + i];
                    }
                }
                grads[bo + j] += gb;
            });
            double[] prev = new double[batch * in];
            IntStream.range(0, batch).parallel().forEach(b -> {
                int pi = b * in;
                for (int j = 0; j < out; j++) {
                    double dj = d[b * out + j];
                    if (dj == 0) {
                        continue;
                    }
                    int w = wo + j * in;
                    for (int i = 0; i < in; i++) {
                        prev[pi + i] += dj * params[w + i];
                    }
                }
            });
            delta = prev;
        }
        return delta;
    }
}
