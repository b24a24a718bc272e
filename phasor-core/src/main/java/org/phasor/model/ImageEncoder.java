package org.phasor.model;

import org.phasor.math.ComplexArray;

/**
 * An integer-upsampling image encoder kept for the NLOS task (org.phasor.task.nlos, phasor-cli apps), which was
 * written against it. New code should use {@link org.phasor.data.ImageEncoder} (object size in pixels, nearest or
 * bilinear); for integer factors and even sizes both place the same pixels.
 *
 * <p>Puts a grey image onto the input plane: each image pixel becomes an {@code upsample × upsample} block of grid
 * pixels (nearest neighbour, as an SLM or a printed mask would show it), centred on the grid, zero elsewhere.
 * <ul>
 *   <li>{@code AMPLITUDE}: field = v (an amplitude SLM or a transmissive object illuminated by a unit plane wave;
 *       Lin et al. 2018, the FFM paper);</li>
 *   <li>{@code PHASE}: field = exp(iπ·v) inside the object (a phase-only SLM), so a value 1 delays by half a wave.</li>
 * </ul>
 *
 * @param kind     amplitude or phase
 * @param upsample grid pixels per image pixel along each axis (≥ 1)
 */
public record ImageEncoder(Kind kind, int upsample) implements Encoder {

    public enum Kind {
        AMPLITUDE, PHASE;

        public static Kind parse(String s) {
            return switch (s) {
                case "amplitude" -> AMPLITUDE;
                case "phase" -> PHASE;
                default -> throw new IllegalArgumentException("unknown encoding '" + s + "' (expected amplitude or phase)");
            };
        }
    }

    public ImageEncoder {
        if (upsample < 1) {
            throw new IllegalArgumentException("upsampling factor must be ≥ 1, got " + upsample);
        }
    }

    /** Throws a one-line error when an image of rows×cols does not fit the grid. */
    public void requireFits(int rows, int cols, int nx, int ny) {
        if (rows * upsample > ny || cols * upsample > nx) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " image upsampled x" + upsample + " ("
                    + cols * upsample + "x" + rows * upsample + " px) does not fit the " + nx + "x" + ny + " grid");
        }
    }

    @Override
    public void encode(float[] features, int offset, int rows, int cols, ComplexArray item) {
        int nx = item.nx();
        int ny = item.ny();
        requireFits(rows, cols, nx, ny);
        item.clear();
        int x0 = (nx - cols * upsample) / 2;
        int y0 = (ny - rows * upsample) / 2;
        double[] line = new double[2 * cols * upsample];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = features[offset + r * cols + c];
                double re = kind == Kind.AMPLITUDE ? v : Math.cos(Math.PI * v);
                double im = kind == Kind.AMPLITUDE ? 0 : Math.sin(Math.PI * v);
                for (int k = 0; k < upsample; k++) {
                    line[2 * (c * upsample + k)] = re;
                    line[2 * (c * upsample + k) + 1] = im;
                }
            }
            for (int k = 0; k < upsample; k++) {
                item.store(item.index(0, y0 + r * upsample + k, x0), line, 0, cols * upsample);
            }
        }
    }
}
