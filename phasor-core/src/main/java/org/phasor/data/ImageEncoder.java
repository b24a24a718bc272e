package org.phasor.data;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;

import java.util.Locale;

/**
 * Puts dataset samples onto the input plane of an optical system: each sample is resized to the object size
 * (in grid pixels), centred on the grid (the object's centre at sample {@code n/2}, the optical axis in
 * Phasor's grid convention), and encoded as a complex field; everything outside the object is dark
 * (an aperture the size of the object).
 *
 * <ul>
 *   <li>{@link Kind#AMPLITUDE}: {@code u = v} (an amplitude SLM or a transparency; the FFM authors' choice).</li>
 *   <li>{@link Kind#INTENSITY}: {@code u = sqrt(v)}, so the input <em>intensity</em> equals the image.</li>
 *   <li>{@link Kind#PHASE}: {@code u = exp(i·phaseRange·v)} inside the object (a phase-only SLM under a
 *       uniform plane wave; {@code phaseRange} = π by default, so black and white differ by half a wave).</li>
 * </ul>
 * Values {@code v} are the dataset's features (grey levels in [0, 1] for images).
 *
 * <p>Resizing: the larger side of the sample becomes {@code objectSize} pixels, the aspect ratio is kept.
 * {@link Interpolation#NEAREST} repeats pixels (with an integer factor, e.g. 28 → 392 = ×14, every source pixel
 * becomes an exact 14×14 block); {@link Interpolation#BILINEAR} interpolates between pixel centres with
 * edge clamping (PyTorch's {@code align_corners=False}).
 *
 * @param kind          how a value becomes a field
 * @param objectSize    size of the object's larger side in grid pixels
 * @param interpolation how samples are resized
 * @param phaseRange    phase of a value 1 for {@link Kind#PHASE}, radians (ignored otherwise)
 */
public record ImageEncoder(Kind kind, int objectSize, Interpolation interpolation, double phaseRange) {

    /** How a value becomes a complex field. */
    public enum Kind {
        AMPLITUDE, INTENSITY, PHASE;

        /** Parses {@code amplitude|intensity|phase}; one-line error otherwise. */
        public static Kind parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown input encoding '" + s + "' (expected amplitude, intensity or phase)");
            }
        }
    }

    /** How samples are resized to the object size. */
    public enum Interpolation {
        NEAREST, BILINEAR;

        /** Parses {@code nearest|bilinear}; one-line error otherwise. */
        public static Interpolation parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown interpolation '" + s + "' (expected nearest or bilinear)");
            }
        }
    }

    public ImageEncoder {
        java.util.Objects.requireNonNull(kind, "encoding kind");
        java.util.Objects.requireNonNull(interpolation, "interpolation");
        if (objectSize <= 0) {
            throw new IllegalArgumentException("object size must be a positive number of pixels, got " + objectSize);
        }
        if (!Double.isFinite(phaseRange)) {
            throw new IllegalArgumentException("phase range must be finite, got " + phaseRange);
        }
    }

    /** Amplitude encoding with nearest-neighbour resizing. */
    public static ImageEncoder amplitude(int objectSize) {
        return new ImageEncoder(Kind.AMPLITUDE, objectSize, Interpolation.NEAREST, Math.PI);
    }

    /** Phase encoding {@code exp(iπv)} with nearest-neighbour resizing. */
    public static ImageEncoder phase(int objectSize) {
        return new ImageEncoder(Kind.PHASE, objectSize, Interpolation.NEAREST, Math.PI);
    }

    /** Object height in grid pixels for samples of {@code rows × cols}. */
    public int objectRows(int rows, int cols) {
        return rows >= cols ? objectSize : Math.max(1, (int) Math.round((double) objectSize * rows / cols));
    }

    /** Object width in grid pixels for samples of {@code rows × cols}. */
    public int objectCols(int rows, int cols) {
        return cols >= rows ? objectSize : Math.max(1, (int) Math.round((double) objectSize * cols / rows));
    }

    /** A new array holding samples {@code order[from .. from+n)} of {@code data} encoded on {@code grid}. */
    public ComplexArray encode(Dataset data, int[] order, int from, int n, Grid grid, Precision precision) {
        ComplexArray out = ComplexArray.zeros(precision, n, grid.ny(), grid.nx());
        encodeInto(data, order, from, n, out);
        return out;
    }

    /**
     * Encodes samples {@code order[from .. from+n)} (or {@code from .. from+n} when {@code order} is null) into
     * items {@code 0..n-1} of {@code out}, overwriting them. Parallel over items.
     */
    public void encodeInto(Dataset data, int[] order, int from, int n, ComplexArray out) {
        if (n > out.batch()) {
            throw new IllegalArgumentException("batch of " + n + " samples does not fit an array of " + out.batch() + " items");
        }
        requireFits(data.rows(), data.cols(), out.nx(), out.ny());
        Parallel.forRange(n, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                int sample = order == null ? from + b : order[from + b];
                encode(data.features(), data.offset(sample), data.rows(), data.cols(), out.item(b));
            }
        });
    }

    /** One-line error when a {@code rows × cols} sample resized to the object size does not fit an nx × ny grid. */
    public void requireFits(int rows, int cols, int nx, int ny) {
        int h = objectRows(rows, cols);
        int w = objectCols(rows, cols);
        if (h > ny || w > nx) {
            throw new IllegalArgumentException("object of " + w + "x" + h + " pixels does not fit the " + nx + "x"
                    + ny + " input grid (reduce the object size or enlarge the grid)");
        }
    }

    /**
     * Encodes one sample ({@code rows × cols} values at {@code features[offset..]}) into a one-item array,
     * writing every pixel (zeros outside the object). Same shape as {@code org.phasor.model.Encoder#encode},
     * so {@code imageEncoder::encode} can serve as a model encoder. Thread-safe.
     */
    public void encode(float[] f, int offset, int rows, int cols, ComplexArray item) {
        int h = objectRows(rows, cols);
        int w = objectCols(rows, cols);
        requireFits(rows, cols, item.nx(), item.ny());
        int y0 = item.ny() / 2 - h / 2;
        int x0 = item.nx() / 2 - w / 2;
        // Resampling tables: source index pairs and weights per destination row / column (small, per call).
        int[] ry0 = new int[h];
        int[] ry1 = new int[h];
        double[] wy = new double[h];
        int[] cx0 = new int[w];
        int[] cx1 = new int[w];
        double[] wx = new double[w];
        table(rows, h, ry0, ry1, wy);
        table(cols, w, cx0, cx1, wx);
        double[] line = new double[2 * w];
        item.clear();
        for (int y = 0; y < h; y++) {
            int r0 = offset + ry0[y] * cols;
            int r1 = offset + ry1[y] * cols;
            double ty = wy[y];
            for (int x = 0; x < w; x++) {
                double tx = wx[x];
                double top = f[r0 + cx0[x]] * (1 - tx) + f[r0 + cx1[x]] * tx;
                double bottom = f[r1 + cx0[x]] * (1 - tx) + f[r1 + cx1[x]] * tx;
                double v = top * (1 - ty) + bottom * ty;
                switch (kind) {
                    case AMPLITUDE -> {
                        line[2 * x] = v;
                        line[2 * x + 1] = 0;
                    }
                    case INTENSITY -> {
                        line[2 * x] = Math.sqrt(Math.max(0, v));
                        line[2 * x + 1] = 0;
                    }
                    case PHASE -> {
                        line[2 * x] = Math.cos(phaseRange * v);
                        line[2 * x + 1] = Math.sin(phaseRange * v);
                    }
                }
            }
            item.store(item.index(0, y0 + y, x0), line, 0, w);
        }
    }

    /** Fills, for each of {@code dst} output positions, the two source indices and the weight of the second. */
    private void table(int src, int dst, int[] i0, int[] i1, double[] t) {
        double ratio = (double) src / dst;
        for (int d = 0; d < dst; d++) {
            if (interpolation == Interpolation.NEAREST) {
                int s = Math.min(src - 1, (int) Math.floor((d + 0.5) * ratio));
                i0[d] = s;
                i1[d] = s;
                t[d] = 0;
            } else {
                double s = Math.max(0, Math.min(src - 1, (d + 0.5) * ratio - 0.5));
                int a = (int) Math.floor(s);
                i0[d] = a;
                i1[d] = Math.min(src - 1, a + 1);
                t[d] = s - a;
            }
        }
    }

    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + (kind == Kind.PHASE ? "(range " + phaseRange + " rad)" : "")
                + ", " + objectSize + " px, " + interpolation.name().toLowerCase(Locale.ROOT);
    }
}
