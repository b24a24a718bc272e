package org.phasor.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    private static Dataset toy() {
        int[] labels = {2, 0, 1, 0, 2, 1, 1, 0, 2, 0};
        float[] f = new float[labels.length * 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        return new Dataset("toy", f, labels, 1, 2, List.of("a", "b", "c"));
    }

    @Test
    void balancedSubsetTakesFirstOfEachClassInOrder() {
        Dataset d = toy();
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5}, d.balancedIndices(2));
        Dataset s = d.balancedSubset(3);
        assertArrayEquals(new int[]{3, 3, 3}, s.classCounts());
        assertEquals(8f, s.value(4, 0, 0)); // sample 4 of the source
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.balancedSubset(4));
        assertTrue(e.getMessage().contains("class 1 (b) has only 3"), e.getMessage());
    }

    @Test
    void permutationsAreSeededAndComplete() {
        int[] p = Dataset.permutation(1000, 42);
        assertArrayEquals(p, Dataset.permutation(1000, 42));
        assertFalse(Arrays.equals(p, Dataset.permutation(1000, 43)));
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        Dataset d = toy();
        Dataset sh = d.shuffled(1);
        assertArrayEquals(d.classCounts(), sh.classCounts());
        assertNotEquals(d, sh);
        assertEquals(3, d.batchCount(4));
    }

    @Test
    void invalidShapesAndLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("x", new float[3], new int[]{0, 0}, 1, 2, List.of("a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("x", new float[2], new int[]{5}, 1, 2, List.of("a")));
        assertTrue(e.getMessage().contains("label 5"), e.getMessage());
    }

    @Test
    void shippedFashionMnistSubsetIsBalancedAndReal() {
        DataSplit s = Datasets.shippedFashionMnistSubset();
        assertEquals(6000, s.train().size());
        assertEquals(1000, s.test().size());
        assertEquals(28, s.train().rows());
        assertEquals(28, s.train().cols());
        int[] tenTimes600 = new int[10];
        Arrays.fill(tenTimes600, 600);
        assertArrayEquals(tenTimes600, s.train().classCounts());
        int[] tenTimes100 = new int[10];
        Arrays.fill(tenTimes100, 100);
        assertArrayEquals(tenTimes100, s.test().classCounts());
        // real photographs: values span [0, 1], mean grey level of Fashion-MNIST is ≈ 0.286
        double sum = 0;
        float max = 0;
        for (float v : s.train().features()) {
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(1f, max);
        assertEquals(0.286, sum / s.train().features().length, 0.02);
        // first training image of Fashion-MNIST is an ankle boot (label 9)
        assertEquals(9, s.train().labels()[0]);
    }
}
