package org.phasor.task.generative.metrics;

/**
 * Reconstruction quality of grey images with values in [0, data range]: PSNR and SSIM.
 * SSIM follows Wang et al. (IEEE TIP 13, 600 (2004)): 11×11 Gaussian window of σ = 1.5, K₁ = 0.01,
 * K₂ = 0.03, population (biased) local variances, averaged over the pixels whose window lies fully inside
 * the image (as scikit-image's {@code structural_similarity(gaussian_weights=True)} crops its borders).
 */
public final class ImageQuality {
    private static final int RADIUS = 5;
    private static final double[] WINDOW = gaussianWindow(RADIUS, 1.5);

    private ImageQuality() {
    }

    /** Mean squared error of two equally long pixel runs starting at the given offsets. */
    public static double mse(double[] ref, int refOff, double[] img, int imgOff, int pixels) {
        double s = 0;
        for (int i = 0; i < pixels; i++) {
            double d = ref[refOff + i] - img[imgOff + i];
            s += d * d;
        }
        return s / pixels;
    }

    /** PSNR in dB, 10·log10(range²/MSE); +∞ for identical images. */
    public static double psnr(double[] ref, int refOff, double[] img, int imgOff, int pixels, double range) {
        double m = mse(ref, refOff, img, imgOff, pixels);
        return m == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(range * range / m);
    }

    private static double[] gaussianWindow(int r, double sigma) {
        int n = 2 * r + 1;
        double[] w = new double[n * n];
        double s = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double v = Math.exp(-((x - r) * (x - r) + (y - r) * (y - r)) / (2 * sigma * sigma));
                w[y * n + x] = v;
                s += v;
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= s;
        }
        return w;
    }

    /** Mean SSIM of one h×w image pair (row-major, at the given offsets); images must be at least 11×11. */
    public static double ssim(double[] ref, int refOff, double[] img, int imgOff, int h, int w, double range) {
        if (h < 2 * RADIUS + 1 || w < 2 * RADIUS + 1) {
            throw new IllegalArgumentException("SSIM needs images of at least 11x11 pixels, got " + h + "x" + w);
        }
        double c1 = Math.pow(0.01 * range, 2);
        double c2 = Math.pow(0.03 * range, 2);
        int n = 2 * RADIUS + 1;
        double sum = 0;
        int count = 0;
        for (int cy = RADIUS; cy < h - RADIUS; cy++) {
            for (int cx = RADIUS; cx < w - RADIUS; cx++) {
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int dy = 0; dy < n; dy++) {
                    int row = (cy - RADIUS + dy) * w + cx - RADIUS;
                    for (int dx = 0; dx < n; dx++) {
                        double g = WINDOW[dy * n + dx];
                        double a = ref[refOff + row + dx];
                        double b = img[imgOff + row + dx];
                        mx += g * a;
                        my += g * b;
                        xx += g * a * a;
                        yy += g * b * b;
                        xy += g * a * b;
                    }
                }
                double vx = xx - mx * mx;
                double vy = yy - my * my;
                double cxy = xy - mx * my;
                sum += ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                count++;
            }
        }
        return sum / count;
    }
}
