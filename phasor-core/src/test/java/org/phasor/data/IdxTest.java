package org.phasor.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxTest {
    @TempDir
    Path dir;

    private static Idx.Images images(int n, int rows, int cols) {
        byte[] px = new byte[n * rows * cols];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37 + 11); // covers values above 127 (sign handling)
        }
        return new Idx.Images(n, rows, cols, px);
    }

    @Test
    void roundTripPlainAndGzip() throws IOException {
        Idx.Images img = images(5, 3, 4);
        int[] labels = {0, 9, 255, 3, 128};
        for (String suffix : new String[]{"", ".gz"}) {
            Path pi = dir.resolve("train-images-idx3-ubyte" + suffix);
            Path pl = dir.resolve("train-labels-idx1-ubyte" + suffix);
            Idx.writeImages(pi, img);
            Idx.writeLabels(pl, labels);
            Idx.Images back = Idx.readImages(pi);
            assertEquals(5, back.count());
            assertEquals(3, back.rows());
            assertEquals(4, back.cols());
            assertArrayEquals(img.pixels(), back.pixels());
            assertEquals(img.pixels()[7] & 0xff, back.pixel(0, 1, 3));
            assertArrayEquals(labels, Idx.readLabels(pl));
        }
        // gzip really was written for the .gz name, and plain for the other
        byte[] gz = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"));
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        assertEquals(16 + 60, Files.size(dir.resolve("train-images-idx3-ubyte")));
    }

    @Test
    void headerBytesFollowTheFormat() {
        byte[] b = Idx.encode(new Idx.Tensor(new int[]{2, 1, 1}, new byte[]{1, 2}));
        assertArrayEquals(new byte[]{0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 1, 2}, b);
    }

    @Test
    void wrongMagicNamesFileAndNumbers() throws IOException {
        Path labels = dir.resolve("labels");
        Idx.writeLabels(labels, new int[]{1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(labels));
        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801") && e.getMessage().contains("0x00000803"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Path junk = dir.resolve("junk.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(junk))) {
            o.write("hello, world".getBytes());
        }
        IOException e2 = assertThrows(IOException.class, () -> Idx.readLabels(junk));
        assertTrue(e2.getMessage().startsWith(junk.toString()) && e2.getMessage().contains("magic"), e2.getMessage());
    }

    @Test
    void truncatedFilesAreReportedPlainAndGzip() throws IOException {
        Idx.Images img = images(4, 5, 5);
        byte[] full = Idx.encode(new Idx.Tensor(new int[]{4, 5, 5}, img.pixels()));
        Path plain = dir.resolve("cut-images-idx3-ubyte");
        Files.write(plain, Arrays.copyOf(full, full.length - 7));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(plain));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(plain.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("100 bytes, only 93"), e.getMessage());

        Path header = dir.resolve("cut-header");
        Files.write(header, Arrays.copyOf(full, 10));
        IOException eh = assertThrows(IOException.class, () -> Idx.readImages(header));
        assertTrue(eh.getMessage().contains("truncated"), eh.getMessage());

        // a gzip stream cut in the middle
        Path gz = dir.resolve("whole.gz");
        Idx.writeImages(gz, images(50, 28, 28));
        byte[] g = Files.readAllBytes(gz);
        Path cutGz = dir.resolve("cut.gz");
        Files.write(cutGz, Arrays.copyOf(g, g.length / 2));
        IOException eg = assertThrows(IOException.class, () -> Idx.readImages(cutGz));
        assertTrue(eg.getMessage().contains(cutGz.toString()), eg.getMessage());
        assertTrue(eg.getMessage().contains("truncated") || eg.getMessage().contains("Unexpected end"), eg.getMessage());
    }

    @Test
    void trailingBytesAreAnError() throws IOException {
        byte[] full = Idx.encode(new Idx.Tensor(new int[]{3}, new byte[]{1, 2, 3}));
        Path p = dir.resolve("long-labels");
        Files.write(p, Arrays.copyOf(full, full.length + 2));
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(p));
        assertTrue(e.getMessage().contains("extra bytes"), e.getMessage());
    }

    @Test
    void labelImageCountMismatchInADirectory() throws IOException {
        Idx.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), images(4, 2, 2));
        Idx.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), new int[]{1, 2, 3});
        Idx.writeImages(dir.resolve("t10k-images-idx3-ubyte"), images(2, 2, 2));
        Idx.writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), new int[]{1, 2});
        IOException e = assertThrows(IOException.class,
                () -> Datasets.idxDirectory(dir, Dataset.MNIST_CLASSES, "test"));
        assertTrue(e.getMessage().contains("4 images") && e.getMessage().contains("3 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void directoryLoadsMixedPlainAndGzip() throws IOException {
        Idx.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), images(3, 2, 2));
        Idx.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), new int[]{1, 2, 3});
        Idx.writeImages(dir.resolve("t10k-images.idx3-ubyte"), images(2, 2, 2));
        Idx.writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), new int[]{7, 0});
        DataSplit s = Datasets.idxDirectory(dir, Dataset.MNIST_CLASSES, "test");
        assertEquals(3, s.train().size());
        assertArrayEquals(new int[]{7, 0}, s.test().labels());
        assertEquals((images(3, 2, 2).pixels()[5] & 0xff) / 255f, s.train().value(1, 0, 1));
    }

    @Test
    void missingFilesNameWhatIsExpected() throws IOException {
        Idx.writeImages(dir.resolve("train-images-idx3-ubyte"), images(1, 2, 2));
        IOException e = assertThrows(IOException.class,
                () -> Datasets.fashionMnist(dir, Datasets.Preference.AUTO, s -> { }));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
        IOException e2 = assertThrows(IOException.class,
                () -> Datasets.fashionMnist(dir.resolve("nope"), Datasets.Preference.AUTO, s -> { }));
        assertTrue(e2.getMessage().contains("nope"), e2.getMessage());
    }
}
