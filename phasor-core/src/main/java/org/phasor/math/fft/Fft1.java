package org.phasor.math.fft;

/**
 * An immutable 1-D complex FFT plan of length n on interleaved (re, im) doubles. Lengths whose prime factors
 * are all ≤ {@link #MAX_DIRECT_RADIX} use a mixed-radix Stockham algorithm (radix 4, 2, 3, 5 kernels written
 * out, other small primes by a direct DFT kernel) with twiddles precomputed per stage; a length with a larger
 * prime factor uses Bluestein's chirp-z algorithm over a power-of-two convolution, so every size costs
 * O(n log n). Unnormalised in both directions; callers scale.
 *
 * <p>Stockham (decimation in frequency, autosort): each stage reads one buffer and writes the other in natural
 * order, so there is no bit-reversal pass; stage with radix r, sub-length len and stride s maps
 * {@code x[q + s(p + j·m)]} (m = len/r) to {@code y[q + s(r·p + k)] = (Σ_j x_j ω_r^{jk}) · ω_len^{pk}}.
 *
 * <p>Thread-safe: all state is read-only; callers pass their own scratch from {@link #newScratch()}.
 */
final class Fft1 {
    /** Largest prime handled by a direct O(r²) butterfly rather than Bluestein. */
    static final int MAX_DIRECT_RADIX = 31;

    private final int n;
    private final int[] radices;
    private final double[][] twiddles; // per stage: (cos, sin) of −2π·p·k/len for p < m, 1 ≤ k < r
    private final double[][] roots;    // per stage: (cos, sin) of −2π·t/r for the direct kernel, else null
    // Bluestein (n has a prime factor > MAX_DIRECT_RADIX): chirp w[k] = exp(−iπk²/n), FFT of conj chirp padded to m
    private final Fft1 conv;
    private final double[] chirp;
    private final double[] chirpFft;

    Fft1(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("FFT length must be positive, got " + n);
        }
        this.n = n;
        int[] f = factor(n);
        if (f == null) {
            radices = null;
            twiddles = null;
            roots = null;
            int m = Integer.highestOneBit(2 * n - 1) << 1;
            conv = new Fft1(m);
            chirp = new double[2 * n];
            for (int k = 0; k < n; k++) {
                long k2 = ((long) k * k) % (2L * n); // k² mod 2n keeps the angle small and exact for large k
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
            conv.transform(chirpFft, 0, false, conv.newScratch());
        } else {
            radices = f;
            conv = null;
            chirp = null;
            chirpFft = null;
            twiddles = new double[f.length][];
            roots = new double[f.length][];
            int len = n;
            for (int st = 0; st < f.length; st++) {
                int r = f[st];
                int m = len / r;
                double[] tw = new double[2 * m * (r - 1)];
                for (int p = 0; p < m; p++) {
                    for (int k = 1; k < r; k++) {
                        double a = -2 * Math.PI * (((long) p * k) % len) / len;
                        tw[2 * (p * (r - 1) + k - 1)] = Math.cos(a);
                        tw[2 * (p * (r - 1) + k - 1) + 1] = Math.sin(a);
                    }
                }
                twiddles[st] = tw;
                if (r > 5) {
                    double[] ro = new double[2 * r];
                    for (int t = 0; t < r; t++) {
                        double a = -2 * Math.PI * t / r;
                        ro[2 * t] = Math.cos(a);
                        ro[2 * t + 1] = Math.sin(a);
                    }
                    roots[st] = ro;
                }
                len = m;
            }
        }
    }

    /** Radices for Stockham (4s first, then 2, 3, 5, other primes ≤ MAX_DIRECT_RADIX), or null for Bluestein. */
    private static int[] factor(int n) {
        int[] out = new int[32];
        int c = 0;
        int rest = n;
        while (rest % 4 == 0) {
            out[c++] = 4;
            rest /= 4;
        }
        for (int p = 2; p <= MAX_DIRECT_RADIX && rest > 1; p++) {
            while (rest % p == 0) {
                out[c++] = p;
                rest /= p;
            }
        }
        return rest == 1 ? java.util.Arrays.copyOf(out, c) : null;
    }

    int length() {
        return n;
    }

    /** Scratch needed by {@link #transform}. */
    double[] newScratch() {
        return radices != null ? new double[2 * n] : new double[4 * conv.n + 2 * n];
    }

    /** In-place transform of {@code data[off .. off+2n)}; {@code inverse} flips the exponent sign. */
    void transform(double[] data, int off, boolean inverse, double[] scratch) {
        if (radices != null) {
            stockham(data, off, inverse ? -1 : 1, scratch, 0, 1);
        } else {
            bluestein(data, off, inverse, scratch);
        }
    }

    /** Whether {@link #transformMany} can run (the length is Stockham's, not Bluestein's). */
    boolean transformsMany() {
        return radices != null;
    }

    /**
     * In-place transforms of {@code count} sequences stored sample-major: sample t of sequence c at
     * {@code data[off + 2(t·count + c)]}. The same Stockham stages with every stride ×count, so each butterfly's
     * inner loop runs over all sequences with one twiddle — many short transforms cost little more than their
     * arithmetic. {@code scratch} holds {@code 2·n·count} doubles. Stockham lengths only ({@link #transformsMany}).
     */
    void transformMany(double[] data, int off, int count, boolean inverse, double[] scratch) {
        if (radices == null) {
            throw new IllegalArgumentException("FFT length " + n + " needs Bluestein, which transforms one sequence at a time");
        }
        stockham(data, off, inverse ? -1 : 1, scratch, 0, count);
    }

    /**
     * Result lands back in {@code a}; {@code s} (from {@code so}) holds 2n·count doubles of scratch. With
     * {@code count} sample-major sequences, element (t, c) at index t·count + c: stage (r, len, stride s) then
     * maps {@code x[c + count·(q + s(p + j·m))]} — the single-sequence stage with stride s·count.
     */
    private void stockham(double[] a, int ao, double si, double[] s, int so, int count) {
        if (n == 1) {
            return;
        }
        double[] x = a;
        int xo = ao;
        double[] y = s;
        int yo = so;
        int len = n;
        int stride = count;
        for (int st = 0; st < radices.length; st++) {
            int r = radices[st];
            int m = len / r;
            switch (r) {
                case 4 -> radix4(m, stride, x, xo, y, yo, twiddles[st], si);
                case 2 -> radix2(m, stride, x, xo, y, yo, twiddles[st], si);
                case 3 -> radix3(m, stride, x, xo, y, yo, twiddles[st], si);
                case 5 -> radix5(m, stride, x, xo, y, yo, twiddles[st], si);
                default -> radixDirect(r, m, stride, x, xo, y, yo, twiddles[st], roots[st], si);
            }
            double[] t = x;
            x = y;
            y = t;
            int to = xo;
            xo = yo;
            yo = to;
            len = m;
            stride *= r;
        }
        if (radices.length % 2 == 1) { // an odd number of stages ends in the scratch buffer
            System.arraycopy(x, xo, a, ao, 2 * n * count);
        }
    }

    private static void radix2(int m, int s, double[] x, int xo, double[] y, int yo, double[] tw, double si) {
        for (int p = 0; p < m; p++) {
            double wr = tw[2 * p];
            double wi = si * tw[2 * p + 1];
            int i0 = xo + 2 * s * p;
            int i1 = i0 + 2 * s * m;
            int o0 = yo + 2 * s * (2 * p);
            int o1 = o0 + 2 * s;
            for (int q = 0; q < 2 * s; q += 2) {
                double ar = x[i0 + q];
                double ai = x[i0 + q + 1];
                double br = x[i1 + q];
                double bi = x[i1 + q + 1];
                y[o0 + q] = ar + br;
                y[o0 + q + 1] = ai + bi;
                double dr = ar - br;
                double di = ai - bi;
                y[o1 + q] = dr * wr - di * wi;
                y[o1 + q + 1] = dr * wi + di * wr;
            }
        }
    }

    private static void radix4(int m, int s, double[] x, int xo, double[] y, int yo, double[] tw, double si) {
        int sm = 2 * s * m;
        for (int p = 0; p < m; p++) {
            int t = 6 * p;
            double w1r = tw[t];
            double w1i = si * tw[t + 1];
            double w2r = tw[t + 2];
            double w2i = si * tw[t + 3];
            double w3r = tw[t + 4];
            double w3i = si * tw[t + 5];
            int i0 = xo + 2 * s * p;
            int o0 = yo + 2 * s * (4 * p);
            for (int q = 0; q < 2 * s; q += 2) {
                int i = i0 + q;
                double a0r = x[i];
                double a0i = x[i + 1];
                double a1r = x[i + sm];
                double a1i = x[i + sm + 1];
                double a2r = x[i + 2 * sm];
                double a2i = x[i + 2 * sm + 1];
                double a3r = x[i + 3 * sm];
                double a3i = x[i + 3 * sm + 1];
                double t0r = a0r + a2r;
                double t0i = a0i + a2i;
                double t1r = a0r - a2r;
                double t1i = a0i - a2i;
                double t2r = a1r + a3r;
                double t2i = a1i + a3i;
                // t3 = (a1 − a3)·(−i·si)
                double t3r = si * (a1i - a3i);
                double t3i = -si * (a1r - a3r);
                int o = o0 + q;
                y[o] = t0r + t2r;
                y[o + 1] = t0i + t2i;
                double b1r = t1r + t3r;
                double b1i = t1i + t3i;
                double b2r = t0r - t2r;
                double b2i = t0i - t2i;
                double b3r = t1r - t3r;
                double b3i = t1i - t3i;
                int o1 = o + 2 * s;
                y[o1] = b1r * w1r - b1i * w1i;
                y[o1 + 1] = b1r * w1i + b1i * w1r;
                y[o1 + 2 * s] = b2r * w2r - b2i * w2i;
                y[o1 + 2 * s + 1] = b2r * w2i + b2i * w2r;
                y[o1 + 4 * s] = b3r * w3r - b3i * w3i;
                y[o1 + 4 * s + 1] = b3r * w3i + b3i * w3r;
            }
        }
    }

    private static void radix3(int m, int s, double[] x, int xo, double[] y, int yo, double[] tw, double si) {
        final double h = Math.sqrt(3) / 2;
        int sm = 2 * s * m;
        for (int p = 0; p < m; p++) {
            int t = 4 * p;
            double w1r = tw[t];
            double w1i = si * tw[t + 1];
            double w2r = tw[t + 2];
            double w2i = si * tw[t + 3];
            int i0 = xo + 2 * s * p;
            int o0 = yo + 2 * s * (3 * p);
            for (int q = 0; q < 2 * s; q += 2) {
                int i = i0 + q;
                double a0r = x[i];
                double a0i = x[i + 1];
                double a1r = x[i + sm];
                double a1i = x[i + sm + 1];
                double a2r = x[i + 2 * sm];
                double a2i = x[i + 2 * sm + 1];
                double sr = a1r + a2r;
                double sI = a1i + a2i;
                double cr = a0r - 0.5 * sr;
                double ci = a0i - 0.5 * sI;
                // A1 = c − i·u, A2 = c + i·u with u = si·(√3/2)·(a1 − a2)
                double ur = si * h * (a1r - a2r);
                double ui = si * h * (a1i - a2i);
                int o = o0 + q;
                y[o] = a0r + sr;
                y[o + 1] = a0i + sI;
                double b1r = cr + ui;
                double b1i = ci - ur;
                double b2r = cr - ui;
                double b2i = ci + ur;
                y[o + 2 * s] = b1r * w1r - b1i * w1i;
                y[o + 2 * s + 1] = b1r * w1i + b1i * w1r;
                y[o + 4 * s] = b2r * w2r - b2i * w2i;
                y[o + 4 * s + 1] = b2r * w2i + b2i * w2r;
            }
        }
    }

    private static final double C1 = Math.cos(2 * Math.PI / 5);
    private static final double C2 = Math.cos(4 * Math.PI / 5);
    private static final double S1 = Math.sin(2 * Math.PI / 5);
    private static final double S2 = Math.sin(4 * Math.PI / 5);

    private static void radix5(int m, int s, double[] x, int xo, double[] y, int yo, double[] tw, double si) {
        int sm = 2 * s * m;
        for (int p = 0; p < m; p++) {
            int t = 8 * p;
            int i0 = xo + 2 * s * p;
            int o0 = yo + 2 * s * (5 * p);
            for (int q = 0; q < 2 * s; q += 2) {
                int i = i0 + q;
                double a0r = x[i];
                double a0i = x[i + 1];
                double b1r = x[i + sm] + x[i + 4 * sm];
                double b1i = x[i + sm + 1] + x[i + 4 * sm + 1];
                double d1r = x[i + sm] - x[i + 4 * sm];
                double d1i = x[i + sm + 1] - x[i + 4 * sm + 1];
                double b2r = x[i + 2 * sm] + x[i + 3 * sm];
                double b2i = x[i + 2 * sm + 1] + x[i + 3 * sm + 1];
                double d2r = x[i + 2 * sm] - x[i + 3 * sm];
                double d2i = x[i + 2 * sm + 1] - x[i + 3 * sm + 1];
                double r1r = a0r + C1 * b1r + C2 * b2r;
                double r1i = a0i + C1 * b1i + C2 * b2i;
                double r2r = a0r + C2 * b1r + C1 * b2r;
                double r2i = a0i + C2 * b1i + C1 * b2i;
                // j1 = si·(S1·d1 + S2·d2), j2 = si·(S2·d1 − S1·d2); A1 = r1 − i·j1, A4 = r1 + i·j1, A2 = r2 − i·j2, A3 = r2 + i·j2
                double j1r = si * (S1 * d1r + S2 * d2r);
                double j1i = si * (S1 * d1i + S2 * d2i);
                double j2r = si * (S2 * d1r - S1 * d2r);
                double j2i = si * (S2 * d1i - S1 * d2i);
                int o = o0 + q;
                y[o] = a0r + b1r + b2r;
                y[o + 1] = a0i + b1i + b2i;
                store(y, o + 2 * s, r1r + j1i, r1i - j1r, tw, t, si);
                store(y, o + 4 * s, r2r + j2i, r2i - j2r, tw, t + 2, si);
                store(y, o + 6 * s, r2r - j2i, r2i + j2r, tw, t + 4, si);
                store(y, o + 8 * s, r1r - j1i, r1i + j1r, tw, t + 6, si);
            }
        }
    }

    /** y[o] = (br + i·bi)·twiddle at tw[t]. */
    private static void store(double[] y, int o, double br, double bi, double[] tw, int t, double si) {
        double wr = tw[t];
        double wi = si * tw[t + 1];
        y[o] = br * wr - bi * wi;
        y[o + 1] = br * wi + bi * wr;
    }

    /** Any radix r by a direct r-point DFT (small primes 7 … MAX_DIRECT_RADIX). */
    private static void radixDirect(int r, int m, int s, double[] x, int xo, double[] y, int yo, double[] tw,
                                    double[] ro, double si) {
        int sm = 2 * s * m;
        for (int p = 0; p < m; p++) {
            int i0 = xo + 2 * s * p;
            int o0 = yo + 2 * s * (r * p);
            for (int q = 0; q < 2 * s; q += 2) {
                int i = i0 + q;
                for (int k = 0; k < r; k++) {
                    double accR = 0;
                    double accI = 0;
                    int e = 0;
                    for (int j = 0; j < r; j++) {
                        double vr = x[i + j * sm];
                        double vi = x[i + j * sm + 1];
                        double cr = ro[2 * e];
                        double ci = si * ro[2 * e + 1];
                        accR += vr * cr - vi * ci;
                        accI += vr * ci + vi * cr;
                        e += k;
                        if (e >= r) {
                            e -= r;
                        }
                    }
                    int o = o0 + q + 2 * s * k;
                    if (k == 0) {
                        y[o] = accR;
                        y[o + 1] = accI;
                    } else {
                        store(y, o, accR, accI, tw, 2 * (p * (r - 1) + k - 1), si);
                    }
                }
            }
        }
    }

    private void bluestein(double[] a, int off, boolean inverse, double[] s) {
        int m = conv.n;
        // s[0, 2m): the convolution buffer; s[2m, 4m): the inner FFT's scratch
        java.util.Arrays.fill(s, 0, 2 * m, 0);
        double sg = inverse ? -1 : 1;
        for (int k = 0; k < n; k++) {
            double xr = a[off + 2 * k];
            double xi = a[off + 2 * k + 1];
            double wr = chirp[2 * k];
            double wi = sg * chirp[2 * k + 1];
            s[2 * k] = xr * wr - xi * wi;
            s[2 * k + 1] = xr * wi + xi * wr;
        }
        conv.stockham(s, 0, 1, s, 2 * m, 1);
        for (int k = 0; k < m; k++) {
            double br;
            double bi;
            if (inverse) {
                // FFT of the chirp itself = conj of FFT of conj chirp at (m − k) mod m
                int j = (m - k) % m;
                br = chirpFft[2 * j];
                bi = -chirpFft[2 * j + 1];
            } else {
                br = chirpFft[2 * k];
                bi = chirpFft[2 * k + 1];
            }
            double xr = s[2 * k];
            double xi = s[2 * k + 1];
            s[2 * k] = xr * br - xi * bi;
            s[2 * k + 1] = xr * bi + xi * br;
        }
        conv.stockham(s, 0, -1, s, 2 * m, 1);
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
