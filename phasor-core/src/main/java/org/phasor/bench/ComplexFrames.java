package org.phasor.bench;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;

/**
 * A batch of complex fields as plain data (interleaved re/im doubles, batch-major {@code [b][y][x]}): what goes
 * over a wire to load a modulator or comes back from a holographic measurement.
 */
public record ComplexFrames(int batch, int ny, int nx, double[] reIm) {
    public ComplexFrames {
        if (2L * batch * ny * nx != reIm.length) {
            throw new IllegalArgumentException("complex frames: " + batch + "x" + ny + "x" + nx + " needs "
                    + 2L * batch * ny * nx + " interleaved values, got " + reIm.length);
        }
    }

    public static ComplexFrames zeros(int batch, int ny, int nx) {
        return new ComplexFrames(batch, ny, nx, new double[2 * batch * ny * nx]);
    }

    /** Real amplitudes (e.g. images on an amplitude SLM) as complex fields with zero phase. */
    public static ComplexFrames ofAmplitudes(int batch, int ny, int nx, double[] amplitudes) {
        if ((long) batch * ny * nx != amplitudes.length) {
            throw new IllegalArgumentException("amplitudes: expected " + (long) batch * ny * nx + " values, got "
                    + amplitudes.length);
        }
        double[] z = new double[2 * amplitudes.length];
        for (int i = 0; i < amplitudes.length; i++) {
            z[2 * i] = amplitudes[i];
        }
        return new ComplexFrames(batch, ny, nx, z);
    }

    public static ComplexFrames of(ComplexArray a) {
        return new ComplexFrames(a.batch(), a.ny(), a.nx(), a.toInterleaved());
    }

    public ComplexArray toArray(Precision precision) {
        return ComplexArray.fromInterleaved(precision, batch, ny, nx, reIm);
    }

    public int frameSize() {
        return ny * nx;
    }
}
