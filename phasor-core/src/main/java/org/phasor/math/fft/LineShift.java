package org.phasor.math.fft;

import java.util.Arrays;

/**
 * Sub-sample Fourier shifts of a set of lines, each line by its own amount: zero-pad each line to a fast FFT
 * length, multiply its spectrum by the linear phase ramp exp(−i2πf·s/m), transform back and keep the first n
 * samples. The padding (at least twice the largest shift, plus a guard) keeps what is shifted off one end from
 * wrapping onto the other: a shifted field loses what leaves the window, as a moved element would.
 *
 * <p>All lines are transformed together ({@link Fft1#transformMany}): they are gathered sample-major into one
 * padded buffer, so every butterfly runs over all lines with one twiddle. A rotation by three shears shifts 120
 * rows or columns of a 120×120 field at a time, where one short FFT per line had cost most of a lab FFM step.
 *
 * <p>Immutable and thread-safe; callers pass their own {@link Scratch}.
 */
public final class LineShift {
    private final int n;
    private final int lines;
    private final int m;
    private final Fft1 fft;

    /** Per-thread working memory of {@link #shift}. */
    public static final class Scratch {
        final double[] buffer;
        final double[] fft;
        final double[] ramp;  // per line: the ramp at +f (re, im)
        final double[] back;  // per line: the ramp at −f
        final double[] step;  // per line: exp(−i2π·s/m)
        final double[] nyquist;

        private Scratch(LineShift plan) {
            this.buffer = new double[2 * plan.m * plan.lines];
            this.fft = new double[2 * plan.m * plan.lines];
            this.ramp = new double[2 * plan.lines];
            this.back = new double[2 * plan.lines];
            this.step = new double[2 * plan.lines];
            this.nyquist = new double[plan.lines];
        }
    }

    /**
     * @param n      samples per line
     * @param lines  lines shifted per call
     * @param margin the largest |shift| (samples) the caller will ask for; the padding is at least twice it
     */
    public LineShift(int n, int lines, double margin) {
        if (n < 1 || lines < 1 || !(margin >= 0)) {
            throw new IllegalArgumentException("line shift: length " + n + ", " + lines + " lines, margin " + margin);
        }
        this.n = n;
        this.lines = lines;
        this.m = fastLength(n + 2 * (int) Math.ceil(margin) + 8);
        this.fft = new Fft1(m);
    }

    public int length() {
        return n;
    }

    public int lines() {
        return lines;
    }

    public int paddedLength() {
        return m;
    }

    public Scratch newScratch() {
        return new Scratch(this);
    }

    /**
     * Shifts every line in place towards larger sample index, line ℓ by {@code shifts[ℓ]} samples:
     * out(j) = in(j − s). Sample j of line ℓ is the interleaved complex value at
     * {@code a[off + 2(j·sampleStride + ℓ·lineStride)]} (rows of a row-major field: sampleStride 1, lineStride nx;
     * its columns: sampleStride nx, lineStride 1).
     */
    public void shift(double[] a, int off, int sampleStride, int lineStride, double[] shifts, Scratch scratch) {
        if (shifts.length != lines) {
            throw new IllegalArgumentException("line shift planned for " + lines + " lines, got " + shifts.length + " shifts");
        }
        boolean any = false;
        for (double s : shifts) {
            any |= s != 0;
        }
        if (!any) {
            return;
        }
        double[] buf = scratch.buffer;
        for (int j = 0; j < n; j++) { // gather, sample-major
            int row = 2 * j * lines;
            for (int l = 0; l < lines; l++) {
                int src = off + 2 * (j * sampleStride + l * lineStride);
                buf[row + 2 * l] = a[src];
                buf[row + 2 * l + 1] = a[src + 1];
            }
        }
        Arrays.fill(buf, 2 * n * lines, 2 * m * lines, 0);
        fft.transformMany(buf, 0, lines, false, scratch.fft);
        applyRamps(buf, shifts, scratch);
        fft.transformMany(buf, 0, lines, true, scratch.fft);
        double inv = 1.0 / m;
        for (int j = 0; j < n; j++) { // scatter the first n samples back, normalised
            int row = 2 * j * lines;
            for (int l = 0; l < lines; l++) {
                int dst = off + 2 * (j * sampleStride + l * lineStride);
                a[dst] = buf[row + 2 * l] * inv;
                a[dst + 1] = buf[row + 2 * l + 1] * inv;
            }
        }
    }

    /**
     * Multiplies bin f of line ℓ by exp(−i2πf·s_ℓ/m), f taken in (−m/2, m/2]; the ramps are stepped from f = 0 up
     * and down by recurrence (no trigonometry per bin; error ~m·1e-16). The Nyquist bin of an even m gets the
     * real cos(π·s), the same for ±f, so a real line stays real.
     */
    private void applyRamps(double[] buf, double[] shifts, Scratch sc) {
        double[] p = sc.ramp;
        double[] q = sc.back;
        double[] w = sc.step;
        for (int l = 0; l < lines; l++) {
            w[2 * l] = Math.cos(-2 * Math.PI * shifts[l] / m);
            w[2 * l + 1] = Math.sin(-2 * Math.PI * shifts[l] / m);
            p[2 * l] = 1;
            p[2 * l + 1] = 0;
            q[2 * l] = 1;
            q[2 * l + 1] = 0;
            sc.nyquist[l] = Math.cos(Math.PI * shifts[l]);
        }
        for (int f = 1; 2 * f <= m; f++) {
            int up = 2 * f * lines;
            int down = 2 * (m - f) * lines;
            boolean nyq = 2 * f == m;
            for (int l = 0; l < lines; l++) {
                double wr = w[2 * l];
                double wi = w[2 * l + 1];
                double pr = p[2 * l] * wr - p[2 * l + 1] * wi;
                double pi = p[2 * l] * wi + p[2 * l + 1] * wr;
                double qr = q[2 * l] * wr + q[2 * l + 1] * wi; // ·conj(w): the ramp at −f
                double qi = q[2 * l + 1] * wr - q[2 * l] * wi;
                p[2 * l] = pr;
                p[2 * l + 1] = pi;
                q[2 * l] = qr;
                q[2 * l + 1] = qi;
                int k = up + 2 * l;
                if (nyq) {
                    buf[k] *= sc.nyquist[l];
                    buf[k + 1] *= sc.nyquist[l];
                } else {
                    scale(buf, k, pr, pi);
                    scale(buf, down + 2 * l, qr, qi);
                }
            }
        }
    }

    private static void scale(double[] a, int k, double re, double im) {
        double xr = a[k];
        double xi = a[k + 1];
        a[k] = xr * re - xi * im;
        a[k + 1] = xr * im + xi * re;
    }

    /** The smallest length ≥ n whose prime factors are 2, 3 and 5 (fast for the mixed-radix FFT). */
    static int fastLength(int n) {
        for (int k = Math.max(1, n); ; k++) {
            int r = k;
            for (int p : new int[]{2, 3, 5}) {
                while (r % p == 0) {
                    r /= p;
                }
            }
            if (r == 1) {
                return k;
            }
        }
    }
}
