package org.phasor.math.fft;

/**
 * An immutable 1-D complex FFT plan of length n on interleaved (re, im) doubles: iterative radix-2 for powers
 * of two, Bluestein's chirp-z algorithm (via a power-of-two convolution) for every other length, so all sizes
 * cost O(n log n). Unnormalised in both directions; callers scale.
 *
 * <p>Thread-safe: all state is read-only; callers pass their own scratch from {@link #newScratch()}.
 */
final class Fft1 {
    private final int n;
    private final boolean pow2;
    // radix-2 tables (for n, or for the Bluestein convolution length m)
    private final int m;
    private final int[] bitrev;
    private final double[] cos;
    private final double[] sin;
    // Bluestein: chirp w[k] = exp(-iπk²/n) and the FFT of the conjugate chirp, padded to m
    private final double[] chirp;
    private final double[] chirpFft;

    Fft1(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("FFT length must be positive, got " + n);
        }
        this.n = n;
        this.pow2 = Integer.bitCount(n) == 1;
        this.m = pow2 ? n : Integer.highestOneBit(2 * n - 1) << 1;
        this.bitrev = new int[m];
        int bits = Integer.numberOfTrailingZeros(m);
        for (int i = 0; i < m; i++) {
            bitrev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        this.cos = new double[m / 2 + 1];
        this.sin = new double[m / 2 + 1];
        for (int i = 0; i <= m / 2; i++) {
            double a = -2 * Math.PI * i / m;
            cos[i] = Math.cos(a);
            sin[i] = Math.sin(a);
        }
        if (pow2) {
            chirp = null;
            chirpFft = null;
        } else {
            chirp = new double[2 * n];
            for (int k = 0; k < n; k++) {
                // k² mod 2n keeps the angle small and exact for large k
                long k2 = ((long) k * k) % (2L * n);
                double a = -Math.PI * k2 / n;
                chirp[2 * k] = Math.cos(a);
                chirp[2 * k + 1] = Math.sin(a);
            }
            chirpFft = new double[2 * m];
            chirpFft[0] = chirp[0];
            chirpFft[1] = -chirp[1];
            for (int k = 1; k < n; k++) {
                chirpFft[2 * k] = chirp[2 * k];
                chirpFft[2 * k + 1] = -chirp[2 * k + 1];
                chirpFft[2 * (m - k)] = chirp[2 * k];
                chirpFft[2 * (m - k) + 1] = -chirp[2 * k + 1];
            }
            radix2(chirpFft, 0, false);
        }
    }

    int length() {
        return n;
    }

    /** Scratch needed by {@link #transform} (null for powers of two). */
    double[] newScratch() {
        return pow2 ? null : new double[2 * m];
    }

    /** In-place transform of {@code data[off .. off+2n)}; {@code inverse} flips the exponent sign. */
    void transform(double[] data, int off, boolean inverse, double[] scratch) {
        if (pow2) {
            radix2(data, off, inverse);
        } else {
            bluestein(data, off, inverse, scratch);
        }
    }

    private void radix2(double[] a, int off, boolean inverse) {
        int len = m;
        for (int i = 0; i < len; i++) {
            int j = bitrev[i];
            if (j > i) {
                int p = off + 2 * i;
                int q = off + 2 * j;
                double tr = a[p];
                double ti = a[p + 1];
                a[p] = a[q];
                a[p + 1] = a[q + 1];
                a[q] = tr;
                a[q + 1] = ti;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int size = 2; size <= len; size <<= 1) {
            int half = size >> 1;
            int step = len / size;
            for (int start = 0; start < len; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int p = off + 2 * (start + k);
                    int q = p + 2 * half;
                    double xr = a[q] * wr - a[q + 1] * wi;
                    double xi = a[q] * wi + a[q + 1] * wr;
                    a[q] = a[p] - xr;
                    a[q + 1] = a[p + 1] - xi;
                    a[p] += xr;
                    a[p + 1] += xi;
                }
            }
        }
    }

    private void bluestein(double[] a, int off, boolean inverse, double[] s) {
        // x[k]·w[k] (w conjugated for the inverse), zero-padded to m
        java.util.Arrays.fill(s, 0);
        double sg = inverse ? -1 : 1;
        for (int k = 0; k < n; k++) {
            double xr = a[off + 2 * k];
            double xi = a[off + 2 * k + 1];
            double wr = chirp[2 * k];
            double wi = sg * chirp[2 * k + 1];
            s[2 * k] = xr * wr - xi * wi;
            s[2 * k + 1] = xr * wi + xi * wr;
        }
        radix2(s, 0, false);
        // multiply by FFT of conj chirp (for the inverse, the conj chirp's conjugate: use symmetry via conj)
        for (int k = 0; k < m; k++) {
            double br = chirpFft[2 * k];
            double bi = chirpFft[2 * k + 1];
            if (inverse) {
                // FFT of chirp (not conjugated) = conj of FFT of conj-chirp at index (m-k) mod m
                int j = (m - k) % m;
                br = chirpFft[2 * j];
                bi = -chirpFft[2 * j + 1];
            }
            double xr = s[2 * k];
            double xi = s[2 * k + 1];
            s[2 * k] = xr * br - xi * bi;
            s[2 * k + 1] = xr * bi + xi * br;
        }
        radix2(s, 0, true);
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double yr = s[2 * k] * scale;
            double yi = s[2 * k + 1] * scale;
            double wr = chirp[2 * k];
            double wi = sg * chirp[2 * k + 1];
            a[off + 2 * k] = yr * wr - yi * wi;
            a[off + 2 * k + 1] = yr * wi + yi * wr;
        }
    }
}
