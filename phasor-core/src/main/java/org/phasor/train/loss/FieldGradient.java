package org.phasor.train.loss;

import org.phasor.math.ComplexArray;

/**
 * The chain rule from real intensities to the complex output field.
 *
 * <p>With {@code I = |o|² = o·o*} and Wirtinger calculus (../shared/PHYSICS.md), a real loss L has
 * {@code ∂L/∂o* = (∂L/∂I)·∂I/∂o* = (∂L/∂I)·o}. That is the quantity a backward (adjoint) pass propagates:
 * the steepest-ascent direction in the complex plane; the gradient with respect to the real pair
 * {@code (Re o, Im o)} is {@code 2·∂L/∂o*}. In FFM the error field launched backwards is its conjugate,
 * {@code (∂L/∂I)·o*}.
 */
public final class FieldGradient {
    private FieldGradient() {
    }

    /**
     * Writes {@code out = dLdI · o} element-wise ({@code ∂L/∂o*}). {@code out} may be {@code o} itself.
     *
     * @param o    output field, {@code [batch][ny][nx]}
     * @param dLdI {@code ∂L/∂I}, one real value per complex sample of {@code o}, same flat order
     * @param out  destination, same shape as {@code o} (overwritten)
     */
    public static void fromIntensity(ComplexArray o, double[] dLdI, ComplexArray out) {
        o.requireSameShape(out);
        long size = o.size();
        if (dLdI.length < size) {
            throw new IllegalArgumentException("intensity gradient has " + dLdI.length + " values, field " + o.shape()
                    + " needs " + size);
        }
        double[] block = new double[2 * ComplexArray.BLOCK];
        for (long i = 0; i < size; i += ComplexArray.BLOCK) {
            int n = (int) Math.min(ComplexArray.BLOCK, size - i);
            o.load(i, block, 0, n);
            for (int k = 0; k < n; k++) {
                double g = dLdI[(int) (i + k)];
                block[2 * k] *= g;
                block[2 * k + 1] *= g;
            }
            out.store(i, block, 0, n);
        }
    }

    /** Writes the intensities {@code |o|²} of a field into {@code out} (flat, batch-major). */
    public static void intensity(ComplexArray o, double[] out) {
        long size = o.size();
        if (out.length < size) {
            throw new IllegalArgumentException("intensity buffer has " + out.length + " values, field " + o.shape()
                    + " needs " + size);
        }
        double[] block = new double[2 * ComplexArray.BLOCK];
        for (long i = 0; i < size; i += ComplexArray.BLOCK) {
            int n = (int) Math.min(ComplexArray.BLOCK, size - i);
            o.load(i, block, 0, n);
            for (int k = 0; k < n; k++) {
                out[(int) (i + k)] = block[2 * k] * block[2 * k] + block[2 * k + 1] * block[2 * k + 1];
            }
        }
    }
}
