package org.phasor.task.scattering;

import org.phasor.task.generative.metrics.ImageQuality;

/**
 * Quality of a focus on a camera frame (square, {@code n × n} pixels of pitch {@code pitch}).
 * <ul>
 *   <li>FWHM: full width at half maximum through the brightest pixel along x and along y (half-maximum
 *       crossings found by linear interpolation between pixels), averaged; metres.</li>
 *   <li>PSNR: 10·log10(1/MSE) between the frame and the ideal focus (the perfect sinc² spot at the target), each
 *       scaled to peak 1; dB. It rewards a bright focus on a dark background; speckle left around the focus
 *       lowers it.</li>
 * </ul>
 */
public final class FocusMetrics {
    private FocusMetrics() {
    }

    /** Index of the brightest pixel. */
    public static int peak(double[] frame, int off, int pixels) {
        int best = 0;
        for (int i = 1; i < pixels; i++) {
            if (frame[off + i] > frame[off + best]) {
                best = i;
            }
        }
        return best;
    }

    /** FWHM through the brightest pixel, mean of x and y, metres. */
    public static double fwhm(double[] frame, int off, int n, double pitch) {
        int p = peak(frame, off, n * n);
        int px = p % n;
        int py = p / n;
        double half = frame[off + p] / 2;
        double wx = width(i -> frame[off + py * n + i], px, n, half);
        double wy = width(i -> frame[off + i * n + px], py, n, half);
        return (wx + wy) / 2 * pitch;
    }

    private static double width(java.util.function.IntToDoubleFunction v, int c, int n, double half) {
        double right = n - 1 - c;
        for (int i = c; i < n - 1; i++) {
            if (v.applyAsDouble(i + 1) < half) {
                right = i - c + (v.applyAsDouble(i) - half) / (v.applyAsDouble(i) - v.applyAsDouble(i + 1));
                break;
            }
        }
        double left = c;
        for (int i = c; i > 0; i--) {
            if (v.applyAsDouble(i - 1) < half) {
                left = c - i + (v.applyAsDouble(i) - half) / (v.applyAsDouble(i) - v.applyAsDouble(i - 1));
                break;
            }
        }
        return left + right;
    }

    /**
     * The perfect focus of {@code g} at camera pixel (tx, ty), peak 1: sinc²((x − x_t)·D/(λz))·sinc²((y − y_t)·D/(λz)).
     */
    public static double[] idealSpot(FocusGeometry g, int tx, int ty) {
        int n = g.pixels();
        double[] t = new double[n * n];
        double scale = g.pitch() / g.diffractionLimit();
        for (int y = 0; y < n; y++) {
            double sy = sinc((y - ty) * scale);
            for (int x = 0; x < n; x++) {
                double sx = sinc((x - tx) * scale);
                t[y * n + x] = sx * sx * sy * sy;
            }
        }
        return t;
    }

    private static double sinc(double u) {
        return u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
    }

    /** PSNR (dB) of the frame against the ideal spot, both scaled to peak 1. */
    public static double psnr(double[] frame, int off, double[] ideal) {
        int n = ideal.length;
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, frame[off + i]);
        }
        double[] img = new double[n];
        for (int i = 0; i < n; i++) {
            img[i] = max > 0 ? frame[off + i] / max : 0;
        }
        return ImageQuality.psnr(ideal, 0, img, 0, n, 1);
    }

    /** Fraction of the frame's power within {@code radius} pixels of (tx, ty). */
    public static double efficiency(double[] frame, int off, int n, int tx, int ty, double radius) {
        double in = 0;
        double all = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double v = frame[off + y * n + x];
                all += v;
                if ((x - tx) * (x - tx) + (y - ty) * (y - ty) <= radius * radius) {
                    in += v;
                }
            }
        }
        return all > 0 ? in / all : 0;
    }
}
