package org.phasor.math.fft;

import java.util.Arrays;

/**
 * Sub-sample shifts of complex lines by the Fourier shift theorem: each line of n samples is zero-padded to
 * {@link #paddedLength()}, transformed, multiplied by exp(−i2πk·s/m) and transformed back, so a band-limited
 * line moves by s samples exactly (no interpolation blur) and nothing wraps round from the far end as long as
 * |s| stays below the padding margin. The Nyquist bin of an even length is multiplied by cos(πs), which keeps
 * the shift's transpose and adjoint both equal to the shift by −s — the property reciprocal optics needs.
 *
 * <p>Immutable plan; thread-safe (each thread passes its own {@link Scratch}).
 */
public final class LineShift {
    private final int n;
    private final int m;
    private final Fft1 fft;

    /** Per-thread working memory of {@link #shift}: the padded line and the FFT's buffer. */
    public static final class Scratch {
        final double[] line;
        final double[] fft;

        private Scratch(LineShift plan) {
            this.line = new double[2 * plan.m];
            this.fft = plan.fft.newScratch();
        }
    }

    /** @param margin the largest |shift| (samples) the caller will ask for; the padding is at least twice it */
    public LineShift(int n, double margin) {
        if (n < 1 || !(margin >= 0)) {
            throw new IllegalArgumentException("line shift: length " + n + ", margin " + margin);
        }
        this.n = n;
        this.m = fastLength(n + 2 * (int) Math.ceil(margin) + 8);
        this.fft = new Fft1(m);
    }

    public int length() {
        return n;
    }

    public int paddedLength() {
        return m;
    }

    public Scratch newScratch() {
        return new Scratch(this);
    }

    /**
     * Shifts the line {@code a[off + 2·stride·j]}, j &lt; n (interleaved complex, elements {@code stride} complex
     * values apart) in place by {@code s} samples towards larger j: out(j) = in(j − s).
     */
    public void shift(double[] a, int off, int stride, double s, Scratch scratch) {
        if (s == 0) {
            return;
        }
        double[] line = scratch.line;
        for (int j = 0; j < n; j++) {
            line[2 * j] = a[off + 2 * stride * j];
            line[2 * j + 1] = a[off + 2 * stride * j + 1];
        }
        Arrays.fill(line, 2 * n, 2 * m, 0);
        fft.transform(line, 0, false, scratch.fft);
        // ramp exp(−i2πf·s/m) by recurrence from f = 0 up and down (no trigonometry per bin; error ~m·1e-16)
        double wr = Math.cos(-2 * Math.PI * s / m);
        double wi = Math.sin(-2 * Math.PI * s / m);
        double pr = 1;
        double pi = 0;
        double nr = 1;
        double ni = 0;
        for (int f = 0; 2 * f <= m; f++) {
            if (f > 0) {
                double t = pr * wr - pi * wi;
                pi = pr * wi + pi * wr;
                pr = t;
                t = nr * wr + ni * wi; // ·conj(w): the ramp at −f
                ni = ni * wr - nr * wi;
                nr = t;
            }
            if (2 * f == m) {
                scale(line, f, Math.cos(Math.PI * s), 0); // Nyquist bin: real, the same for ±s
            } else {
                scale(line, f, pr, pi);
                if (f > 0) {
                    scale(line, m - f, nr, ni);
                }
            }
        }
        fft.transform(line, 0, true, scratch.fft);
        double inv = 1.0 / m;
        for (int j = 0; j < n; j++) {
            a[off + 2 * stride * j] = line[2 * j] * inv;
            a[off + 2 * stride * j + 1] = line[2 * j + 1] * inv;
        }
    }

    private static void scale(double[] a, int k, double re, double im) {
        double xr = a[2 * k];
        double xi = a[2 * k + 1];
        a[2 * k] = xr * re - xi * im;
        a[2 * k + 1] = xr * im + xi * re;
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
