package org.phasor.sim;

/**
 * The physics of one phase modulator as it really is: device levels → phase through the true response curve
 * (range short of 2π, gamma), blurred by pixel crosstalk, placed with the plane's actual shift and rotation
 * (bilinear resampling of the complex transmission onto the optical grid), times the plane's aberration.
 * With no imperfections this is exactly t = exp(i·2π·ℓ/levels) on the nominal pixels.
 */
final class SlmPlane {
    private final int nx;
    private final int ny;
    private final int levels;
    private final Imperfections imp;
    private final double[] aberration; // interleaved exp(iψ)
    private final double[] kernel;     // crosstalk blur, or null

    SlmPlane(int nx, int ny, int levels, Imperfections imp, double[] zernike) {
        this.nx = nx;
        this.ny = ny;
        this.levels = levels;
        this.imp = imp;
        this.aberration = aberration(nx, ny, zernike);
        this.kernel = imp.crosstalkPx() > 0 ? gaussianKernel(imp.crosstalkPx()) : null;
    }

    /** Phase (rad) the device really produces for a level. */
    double truePhase(int level) {
        double x = (double) level / levels;
        return imp.phaseRange() * 2 * Math.PI * (imp.gamma() == 1 ? x : Math.pow(x, imp.gamma()));
    }

    /** Transmission on the optical grid (interleaved) for {@code lv} with the given placement. */
    double[] transmission(int[] lv, double shiftX, double shiftY, double rotation) {
        double[] lut = new double[levels];
        for (int l = 0; l < levels; l++) {
            lut[l] = truePhase(l);
        }
        double[] phase = new double[nx * ny];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = lut[lv[i]];
        }
        if (kernel != null) {
            phase = blur(phase);
        }
        double[] t = new double[2 * nx * ny];
        boolean placed = shiftX == 0 && shiftY == 0 && rotation == 0;
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double cx = nx / 2;
        double cy = ny / 2;
        double[] slmRe = new double[nx * ny];
        double[] slmIm = new double[nx * ny];
        for (int i = 0; i < phase.length; i++) {
            slmRe[i] = Math.cos(phase[i]);
            slmIm[i] = Math.sin(phase[i]);
        }
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int i = y * nx + x;
                double re;
                double im;
                if (placed) {
                    re = slmRe[i];
                    im = slmIm[i];
                } else {
                    // optical grid point → modulator pixel coordinates: undo the shift, then the rotation
                    double dx = x - cx - shiftX;
                    double dy = y - cy - shiftY;
                    double p = cos * dx + sin * dy + cx;
                    double q = -sin * dx + cos * dy + cy;
                    re = bilinearClamped(slmRe, p, q);
                    im = bilinearClamped(slmIm, p, q);
                }
                double ar = aberration[2 * i];
                double ai = aberration[2 * i + 1];
                t[2 * i] = re * ar - im * ai;
                t[2 * i + 1] = re * ai + im * ar;
            }
        }
        return t;
    }

    private double bilinearClamped(double[] img, double p, double q) {
        p = Math.clamp(p, 0, nx - 1);
        q = Math.clamp(q, 0, ny - 1);
        int x0 = Math.min((int) p, nx - 2);
        int y0 = Math.min((int) q, ny - 2);
        double fx = p - x0;
        double fy = q - y0;
        int i = y0 * nx + x0;
        return (1 - fx) * (1 - fy) * img[i] + fx * (1 - fy) * img[i + 1]
                + (1 - fx) * fy * img[i + nx] + fx * fy * img[i + nx + 1];
    }

    private double[] blur(double[] img) {
        int r = kernel.length / 2;
        double[] tmp = new double[img.length];
        double[] out = new double[img.length];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += kernel[k + r] * img[y * nx + Math.clamp(x + k, 0, nx - 1)];
                }
                tmp[y * nx + x] = s;
            }
        }
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += kernel[k + r] * tmp[Math.clamp(y + k, 0, ny - 1) * nx + x];
                }
                out[y * nx + x] = s;
            }
        }
        return out;
    }

    static double[] gaussianKernel(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            s += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        return k;
    }

    /** exp(iψ) with ψ = Σ c_j Z_j over the disk inscribed in the grid (Noll-normalised Z4..Z8). */
    static double[] aberration(int nx, int ny, double[] c) {
        double[] a = new double[2 * nx * ny];
        double radius = Math.min(nx, ny) / 2.0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double u = (x - nx / 2) / radius;
                double v = (y - ny / 2) / radius;
                double r2 = u * u + v * v;
                double r = Math.sqrt(r2);
                double th = Math.atan2(v, u);
                double psi = c[0] * Math.sqrt(3) * (2 * r2 - 1)
                        + c[1] * Math.sqrt(6) * r2 * Math.sin(2 * th)
                        + c[2] * Math.sqrt(6) * r2 * Math.cos(2 * th)
                        + c[3] * Math.sqrt(8) * (3 * r2 * r - 2 * r) * Math.sin(th)
                        + c[4] * Math.sqrt(8) * (3 * r2 * r - 2 * r) * Math.cos(th);
                int i = y * nx + x;
                a[2 * i] = Math.cos(psi);
                a[2 * i + 1] = Math.sin(psi);
            }
        }
        return a;
    }
}
