package org.phasor.model;

import org.phasor.math.ComplexArray;

/**
 * Turns one sample's features (e.g. a 28×28 grey image in [0, 1]) into the input field of a network. Encoders
 * write every pixel of the item they are given (zeros included), so buffers can be reused without clearing.
 * Implementations must be thread-safe (items are encoded in parallel).
 */
@FunctionalInterface
public interface Encoder {
    /**
     * @param features flat sample values, row-major
     * @param offset   where this sample starts in {@code features}
     * @param rows     sample rows
     * @param cols     sample columns
     * @param item     a one-item array on the network grid to fill
     */
    void encode(float[] features, int offset, int rows, int cols, ComplexArray item);
}
