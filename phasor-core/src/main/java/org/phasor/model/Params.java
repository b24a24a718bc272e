package org.phasor.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The trainable parameters of a network as plain arrays: {@code layers[l]} holds layer l's parameters, pixel-major
 * ({@code [pixel * K + k]}, pixel = y·nx + x, K = parameters per pixel of that layer's {@link Modulation}). For
 * phase-only layers these are simply the phases in radians, one per pixel. Plain arrays keep this value easy to
 * send over a wire, checkpoint and export.
 *
 * <p>The record holds arrays, so it is a value only by convention: methods that change parameters return or fill
 * copies; use {@link #sameValues} for exact comparison.
 */
public record Params(double[][] layers) {

    public Params {
        Objects.requireNonNull(layers, "layers");
        for (int l = 0; l < layers.length; l++) {
            Objects.requireNonNull(layers[l], "layer " + l);
        }
    }

    public int layerCount() {
        return layers.length;
    }

    public double[] layer(int l) {
        return layers[l];
    }

    /** Total number of real parameters. */
    public long count() {
        long n = 0;
        for (double[] a : layers) {
            n += a.length;
        }
        return n;
    }

    /** A deep copy. */
    public Params copy() {
        double[][] c = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            c[l] = layers[l].clone();
        }
        return new Params(c);
    }

    /** Zero arrays of the same shapes (e.g. a gradient accumulator). */
    public Params zerosLike() {
        double[][] c = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            c[l] = new double[layers[l].length];
        }
        return new Params(c);
    }

    /** Exact equality of shapes and values (bit patterns of doubles). */
    public boolean sameValues(Params o) {
        return Arrays.deepEquals(layers, o.layers);
    }

    @Override
    public String toString() {
        return "Params[" + layers.length + " layers, " + count() + " values]";
    }
}
