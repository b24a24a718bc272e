package org.phasor.data;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageEncoderTest {

    /** Two 2×2 images: [[0, 0.5], [1, 0.25]] and its reverse. */
    private static Dataset tiny() {
        float[] f = {0f, 0.5f, 1f, 0.25f, 0.25f, 1f, 0.5f, 0f};
        return new Dataset("tiny", f, new int[]{0, 1}, 2, 2, List.of("a", "b"));
    }

    @Test
    void nearestWithIntegerFactorMakesExactBlocksCentred() {
        Grid g = Grid.square(10, 8e-6, 532e-9);
        ComplexArray u = ImageEncoder.amplitude(6).encode(tiny(), null, 0, 2, g, Precision.DOUBLE);
        // object 6x6 at rows/cols 2..7 (10/2 − 6/2 = 2); each source pixel is a 3×3 block
        assertEquals(0.0, u.re(u.index(0, 2, 2)));
        assertEquals(0.5, u.re(u.index(0, 4, 5)));
        assertEquals(1.0, u.re(u.index(0, 5, 2)));
        assertEquals(0.25, u.re(u.index(0, 7, 7)));
        assertEquals(0.25, u.re(u.index(1, 2, 2)));
        // outside the object: dark; imaginary part zero everywhere
        double outside = 0;
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                boolean in = y >= 2 && y < 8 && x >= 2 && x < 8;
                if (!in) {
                    outside += Math.abs(u.re(u.index(0, y, x)));
                }
                assertEquals(0.0, u.im(u.index(0, y, x)));
            }
        }
        assertEquals(0.0, outside);
        // total: each value 9 times
        double sum = 0;
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                sum += u.re(u.index(0, y, x));
            }
        }
        assertEquals(9 * 1.75, sum, 1e-12);
    }

    @Test
    void phaseEncodingHasUnitModulusInsideTheObject() {
        Grid g = Grid.square(8, 8e-6, 532e-9);
        ComplexArray u = ImageEncoder.phase(4).encode(tiny(), new int[]{1, 0}, 0, 2, g, Precision.SINGLE);
        // item 0 is sample 1 (order given): top-left value 0.25 → phase π/4
        assertEquals(Math.cos(Math.PI / 4), u.re(u.index(0, 2, 2)), 1e-7);
        assertEquals(Math.sin(Math.PI / 4), u.im(u.index(0, 2, 2)), 1e-7);
        // value 0 is phase 0, amplitude 1 (not dark): bottom-right of sample 1
        assertEquals(1.0, u.re(u.index(0, 5, 5)), 1e-7);
        assertEquals(0.0, u.re(u.index(0, 0, 0)));
        assertEquals(16.0, u.item(0).sumAbs2(), 1e-5);
    }

    @Test
    void bilinearInterpolatesBetweenPixelCentres() {
        Dataset ramp = new Dataset("ramp", new float[]{0f, 1f}, new int[]{0}, 1, 2, List.of("a"));
        ImageEncoder e = new ImageEncoder(ImageEncoder.Kind.AMPLITUDE, 8, ImageEncoder.Interpolation.BILINEAR, Math.PI);
        assertEquals(4, e.objectRows(1, 2));
        ComplexArray u = e.encode(ramp, null, 0, 1, Grid.of(8, 4, 1e-5, 5e-7), Precision.DOUBLE);
        // 2 → 8 columns: source x = (d+0.5)/4 − 0.5, clamped: 0,0,0.125,0.375,0.625,0.875,1,1
        double[] expect = {0, 0, 0.125, 0.375, 0.625, 0.875, 1, 1};
        for (int x = 0; x < 8; x++) {
            assertEquals(expect[x], u.re(u.index(0, 1, x)), 1e-12, "column " + x);
        }
        ImageEncoder in = new ImageEncoder(ImageEncoder.Kind.INTENSITY, 2, ImageEncoder.Interpolation.NEAREST, 0);
        ComplexArray v = in.encode(tiny(), null, 0, 1, Grid.square(2, 1e-5, 5e-7), Precision.DOUBLE);
        assertEquals(0.5, v.re(v.index(0, 1, 1)) * v.re(v.index(0, 1, 1)) * 2, 1e-12); // |u|² = 0.25
    }

    @Test
    void objectLargerThanGridIsAnError() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ImageEncoder.amplitude(20).encode(tiny(), null, 0, 1, Grid.square(16, 1e-5, 5e-7), Precision.SINGLE));
        assertTrue(ex.getMessage().contains("20x20") && ex.getMessage().contains("16x16"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageEncoder.Kind.parse("colour"));
    }
}
