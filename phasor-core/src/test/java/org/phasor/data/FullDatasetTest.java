package org.phasor.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Resolution of Fashion-MNIST; the checks of the full dataset run only where Debian's package is installed. */
class FullDatasetTest {

    @Test
    void fullFashionMnistFromDebianAndTheShippedSubsetIsItsPrefix() throws IOException {
        assumeTrue(Files.isDirectory(Path.of(Datasets.DEBIAN_FASHION_MNIST)), "dataset-fashion-mnist not installed");
        List<String> notes = new ArrayList<>();
        DataSplit full = Datasets.fashionMnist(null, Datasets.Preference.FULL, notes::add);
        assertEquals(60000, full.train().size());
        assertEquals(10000, full.test().size());
        int[] six = new int[10];
        Arrays.fill(six, 6000);
        assertArrayEquals(six, full.train().classCounts());
        assertTrue(notes.getFirst().contains(Datasets.DEBIAN_FASHION_MNIST), notes.toString());
        // the shipped subset is exactly the first 600 / 100 of each class (see data/fashion-mnist-subset/README.md)
        DataSplit sub = Datasets.shippedFashionMnistSubset();
        assertEquals(full.train().balancedSubset(600).features().length, sub.train().features().length);
        assertArrayEquals(full.train().balancedSubset(600).features(), sub.train().features());
        assertArrayEquals(full.test().balancedSubset(100).labels(), sub.test().labels());
    }

    @Test
    void preferenceAndNames() throws IOException {
        DataSplit s = Datasets.fashionMnist(null, Datasets.Preference.SUBSET, x -> { });
        assertEquals(6000, s.train().size());
        assertEquals(Datasets.Preference.SUBSET, Datasets.Preference.parse("Subset"));
        assertThrows(IllegalArgumentException.class, () -> Datasets.Preference.parse("most"));
        DataSplit iris = Datasets.byName("iris", null, Datasets.Preference.AUTO, 1, x -> { });
        assertEquals(120, iris.train().size());
        // no MNIST directory: the shipped subset
        assertEquals(6000, Datasets.byName("mnist", null, Datasets.Preference.AUTO, 1, x -> { }).train().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.byName("cifar", null, Datasets.Preference.AUTO, 1, x -> { }));
        assertTrue(e.getMessage().contains("'cifar'"), e.getMessage());
    }
}
