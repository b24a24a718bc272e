package org.phasor.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GaussianKernelTest {

    @Test
    void sampledKernelIsSymmetricNormalisedAndThreeSigmaWide() {
        double[] k = GaussianKernel.sampled(0.6);
        assertEquals(5, k.length); // r = ⌈1.8⌉ = 2
        assertEquals(1, java.util.Arrays.stream(k).sum(), 1e-15);
        for (int i = 0; i < k.length; i++) {
            assertEquals(k[i], k[k.length - 1 - i], 0);
        }
        // neighbour / centre = exp(−1 / (2·0.36))
        assertEquals(Math.exp(-1 / 0.72), k[3] / k[2], 1e-15);
    }

    @Test
    void zeroWidthIsTheIdentityAndABadWidthIsAnError() {
        assertArrayEquals(new double[]{1}, GaussianKernel.sampled(0));
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.sampled(-1));
        assertThrows(IllegalArgumentException.class, () -> GaussianKernel.sampled(Double.NaN));
    }
}
