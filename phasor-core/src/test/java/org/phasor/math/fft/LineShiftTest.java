package org.phasor.math.fft;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineShiftTest {
    /** The batched Stockham transform equals one transform per sequence, for every radix kernel. */
    @Test
    void manySequencesTransformLikeOneAtATime() {
        for (int n : new int[]{1, 2, 7, 12, 30, 135, 144, 175}) {
            int count = 5;
            Fft1 fft = new Fft1(n);
            double[] many = random(2 * n * count, n);
            double[] single = new double[2 * n];
            double[] want = new double[2 * n * count];
            for (int c = 0; c < count; c++) {
                for (int t = 0; t < n; t++) {
                    single[2 * t] = many[2 * (t * count + c)];
                    single[2 * t + 1] = many[2 * (t * count + c) + 1];
                }
                fft.transform(single, 0, false, fft.newScratch());
                for (int t = 0; t < n; t++) {
                    want[2 * (t * count + c)] = single[2 * t];
                    want[2 * (t * count + c) + 1] = single[2 * t + 1];
                }
            }
            fft.transformMany(many, 0, count, false, new double[2 * n * count]);
            assertTrue(maxDiff(many, want) < 1e-12 * n, "n = " + n + ": " + maxDiff(many, want));
        }
        assertThrows(IllegalArgumentException.class, () -> new Fft1(37).transformMany(new double[74], 0, 1, false,
                new double[74]));
    }

    /**
     * Rows and columns of a 2-D array shifted each by its own amount equal the direct (O(m²)) zero-padded DFT
     * shift of each line, and a whole-sample shift moves samples exactly.
     */
    @Test
    void shiftsEveryLineByItsOwnAmount() {
        int nx = 23;
        int ny = 17;
        double[] field = random(2 * nx * ny, 3);
        double[] rowShifts = new double[ny];
        SplittableRandom r = new SplittableRandom(4);
        for (int y = 0; y < ny; y++) {
            rowShifts[y] = 4 * r.nextDouble() - 2;
        }
        LineShift rows = new LineShift(nx, ny, 2);
        double[] a = field.clone();
        rows.shift(a, 0, 1, nx, rowShifts, rows.newScratch());
        for (int y = 0; y < ny; y++) {
            double[] want = directShift(field, 2 * y * nx, 1, nx, rowShifts[y], rows.paddedLength());
            for (int x = 0; x < nx; x++) {
                assertEquals(want[2 * x], a[2 * (y * nx + x)], 1e-12, "row " + y + " sample " + x);
                assertEquals(want[2 * x + 1], a[2 * (y * nx + x) + 1], 1e-12, "row " + y + " sample " + x);
            }
        }
        double[] colShifts = new double[nx];
        for (int x = 0; x < nx; x++) {
            colShifts[x] = x % 3 == 0 ? 0 : 3 * r.nextDouble() - 1.5; // some lines not shifted at all
        }
        LineShift cols = new LineShift(ny, nx, 1.5);
        double[] b = field.clone();
        cols.shift(b, 0, nx, 1, colShifts, cols.newScratch());
        for (int x = 0; x < nx; x++) {
            double[] want = directShift(field, 2 * x, nx, ny, colShifts[x], cols.paddedLength());
            for (int y = 0; y < ny; y++) {
                assertEquals(want[2 * y], b[2 * (y * nx + x)], 1e-12, "column " + x + " sample " + y);
                assertEquals(want[2 * y + 1], b[2 * (y * nx + x) + 1], 1e-12, "column " + x + " sample " + y);
            }
        }
        double[] whole = new double[nx];
        java.util.Arrays.fill(whole, 2);
        double[] c = field.clone();
        new LineShift(ny, nx, 2).shift(c, 0, nx, 1, whole, new LineShift(ny, nx, 2).newScratch());
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double re = y < 2 ? 0 : field[2 * ((y - 2) * nx + x)];
                assertEquals(re, c[2 * (y * nx + x)], 1e-12, "whole-sample shift at " + x + ", " + y);
            }
        }
    }

    /** out(j) = Σ_f e^{i2πfj/m}·e^{−i2πf·s/m}·X(f)/m with X the DFT of the line zero-padded to m. */
    private static double[] directShift(double[] a, int off, int stride, int n, double s, int m) {
        double[] out = new double[2 * n];
        for (int f = 0; f < m; f++) {
            int fs = 2 * f < m ? f : f - m;
            double xr = 0;
            double xi = 0;
            for (int j = 0; j < n; j++) {
                double ang = -2 * Math.PI * f * j / m;
                double vr = a[off + 2 * stride * j];
                double vi = a[off + 2 * stride * j + 1];
                xr += vr * Math.cos(ang) - vi * Math.sin(ang);
                xi += vr * Math.sin(ang) + vi * Math.cos(ang);
            }
            double rr;
            double ri;
            if (2 * f == m) {
                rr = Math.cos(Math.PI * s);
                ri = 0;
            } else {
                rr = Math.cos(-2 * Math.PI * fs * s / m);
                ri = Math.sin(-2 * Math.PI * fs * s / m);
            }
            double yr = xr * rr - xi * ri;
            double yi = xr * ri + xi * rr;
            for (int j = 0; j < n; j++) {
                double ang = 2 * Math.PI * f * j / m;
                out[2 * j] += (yr * Math.cos(ang) - yi * Math.sin(ang)) / m;
                out[2 * j + 1] += (yr * Math.sin(ang) + yi * Math.cos(ang)) / m;
            }
        }
        return out;
    }

    private static double[] random(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = 2 * r.nextDouble() - 1;
        }
        return a;
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
