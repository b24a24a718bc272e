package org.phasor.optics.latent;

import org.phasor.math.ComplexArray;

import java.util.stream.IntStream;

/** The two kernels shared by {@link FibreCoupler} and {@link FibreEmitter}, parallel over batch items. */
final class FibreMaps {
    private FibreMaps() {
    }

    static void checkShapes(ComplexArray field, ComplexArray channels, FibreFace face) {
        if (field.ny() != face.grid().ny() || field.nx() != face.grid().nx()) {
            throw new IllegalArgumentException("field " + field.shape() + " does not match the fibre face grid "
                    + face.grid().describe());
        }
        if (channels.ny() != 1 || channels.nx() != face.channels()) {
            throw new IllegalArgumentException("channel array " + channels.shape() + " must be [batch][1][" + face.channels() + "]");
        }
        if (channels.batch() != field.batch()) {
            throw new IllegalArgumentException("batch mismatch: field " + field.shape() + " vs channels " + channels.shape());
        }
    }

    /** channels ← amp·X·P·field, X = C, Cᵀ or Cᴴ (mixing after projection). */
    static void fieldToChannels(FibreFace face, ComplexArray field, ComplexArray channels, double amp,
                                Crosstalk c, boolean transpose, boolean conjugate) {
        int k = face.channels();
        int nx = face.grid().nx();
        IntStream.range(0, field.batch()).parallel().forEach(b -> {
            double[] row = new double[2 * nx];
            double[] raw = new double[2 * k];
            double[] proj = new double[2 * k];
            double[] mixed = new double[2 * k];
            face.project(field, b, proj, row, raw);
            c.mix(proj, mixed, transpose, conjugate);
            for (int i = 0; i < 2 * k; i++) {
                mixed[i] *= amp;
            }
            channels.store(channels.index(b, 0, 0), mixed, 0, k);
        });
    }

    /** field ← amp·Pᵀ·X·channels, X = C, Cᵀ or Cᴴ (mixing before launch). */
    static void channelsToField(FibreFace face, ComplexArray channels, ComplexArray field, double amp,
                                Crosstalk c, boolean transpose, boolean conjugate) {
        int k = face.channels();
        int nx = face.grid().nx();
        IntStream.range(0, field.batch()).parallel().forEach(b -> {
            double[] row = new double[2 * nx];
            double[] raw = new double[2 * k];
            double[] in = new double[2 * k];
            double[] mixed = new double[2 * k];
            channels.load(channels.index(b, 0, 0), in, 0, k);
            c.mix(in, mixed, transpose, conjugate);
            for (int i = 0; i < 2 * k; i++) {
                mixed[i] *= amp;
            }
            face.launch(mixed, field, b, row, raw);
        });
    }
}
