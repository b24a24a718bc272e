package org.phasor.bench;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;
import org.phasor.optics.element.InPlaneMotion;

/**
 * Measured complex fields on the camera grid, resampled onto one modulator's own pixels through its measured
 * registration: field(p, q) ← field at the camera position {@link AffineMap#x}, {@link AffineMap#y} of pixel (p, q).
 *
 * <p>Why the fields and not their product: the phase gradient −2·Im(m ⊙ v) of a modulator is a product of the two
 * fields <em>on the panel's pixels</em>. Forming the product on the camera grid first and interpolating it
 * afterwards is not the same once the mask is rough: the product holds frequencies up to twice the fields' and
 * aliases, and a bilinear sample at a fractional offset removes what is left near the Nyquist frequency. On a
 * noise-free `lab` bench with the crosstalk blur off, the 20-epoch 6-layer masks' FFM gradient sampled that way
 * was 0.41–0.69 (relative L2) from the hardware's exact gradient; moving each field first, 0.06–0.08
 * (docs/bench.md, "What FFM knows").
 *
 * <p>How: a registration that is a rigid motion (shift and rotation about the grid centre, which is what a
 * panel on a mount does) is undone by the same exact band-limited three-shear motion the optics uses
 * ({@link InPlaneMotion}, transposed). Where the measured map also scales or shears by more than
 * {@link #RIGID_TOLERANCE_PX} over the plane, each field is sampled bilinearly instead (re and im apart).
 */
final class PanelFrame {
    /**
     * Largest departure of the measured map from its rigid part, over the plane's corners, still moved as rigid.
     * A registration measured on a noisy camera carries a spurious scale of a few 1e-4 (0.03–0.05 px at the
     * corners of a 120-px plane) that a bilinear fallback would pay far more for than it fixes.
     */
    static final double RIGID_TOLERANCE_PX = 0.25;

    private PanelFrame() {
    }

    /** {@code fields} (interleaved, {@code batch} items of nx×ny) resampled onto the modulator's pixels. */
    static double[] pull(AffineMap map, double[] fields, int batch, int nx, int ny) {
        if (map.equals(AffineMap.IDENTITY)) {
            return fields;
        }
        double cx = nx / 2; // InPlaneMotion's centre
        double cy = ny / 2;
        double theta = Math.atan2(map.c() - map.b(), map.a() + map.d());
        double dx = map.x(cx, cy) - cx;
        double dy = map.y(cx, cy) - cy;
        if (rigidDeparture(map, theta, dx, dy, nx, ny) <= RIGID_TOLERANCE_PX && Math.abs(theta) <= Math.PI / 4) {
            ComplexArray a = ComplexArray.fromInterleaved(Precision.DOUBLE, batch, ny, nx, fields);
            new InPlaneMotion(Grid.of(nx, ny, 1, 1), dx, dy, theta).applyTranspose(a);
            double[] out = new double[fields.length];
            a.load(0, out, 0, batch * nx * ny);
            return out;
        }
        return bilinear(map, fields, batch, nx, ny);
    }

    /** Largest distance, over the four corners, between the map and the rigid motion (θ, dx, dy) about the centre. */
    static double rigidDeparture(AffineMap map, double theta, double dx, double dy, int nx, int ny) {
        double cx = nx / 2;
        double cy = ny / 2;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double worst = 0;
        for (int p : new int[]{0, nx - 1}) {
            for (int q : new int[]{0, ny - 1}) {
                double rx = cx + dx + cos * (p - cx) - sin * (q - cy);
                double ry = cy + dy + sin * (p - cx) + cos * (q - cy);
                worst = Math.max(worst, Math.hypot(map.x(p, q) - rx, map.y(p, q) - ry));
            }
        }
        return worst;
    }

    private static double[] bilinear(AffineMap map, double[] fields, int batch, int nx, int ny) {
        int n = nx * ny;
        double[] re = new double[n];
        double[] im = new double[n];
        double[] out = new double[fields.length];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                re[i] = fields[2 * (b * n + i)];
                im[i] = fields[2 * (b * n + i) + 1];
            }
            double[] r = map.pullBack(re, nx, ny);
            double[] s = map.pullBack(im, nx, ny);
            for (int i = 0; i < n; i++) {
                out[2 * (b * n + i)] = r[i];
                out[2 * (b * n + i) + 1] = s[i];
            }
        }
        return out;
    }
}
