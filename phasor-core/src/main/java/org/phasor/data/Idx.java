package org.phasor.data;

import org.phasor.io.AtomicWrite;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reader and writer for the IDX format of MNIST and Fashion-MNIST (unsigned-byte tensors only, which is what
 * those datasets use). A file is: two zero bytes, a type byte ({@code 0x08} = unsigned byte), a byte giving
 * the number of dimensions d, d big-endian 32-bit sizes, then the data row-major. Images are {@code d = 3}
 * ({@code [n][rows][cols]}, magic {@code 0x00000803}), labels {@code d = 1} (magic {@code 0x00000801}).
 *
 * <p>Gzip is detected from the content (the bytes {@code 1f 8b}), not from the file name, so both
 * {@code train-images-idx3-ubyte} and {@code train-images-idx3-ubyte.gz} work. Every error is one line
 * naming the file: wrong magic number, truncated file, trailing garbage, implausible sizes.
 */
public final class Idx {
    /** Magic number of an unsigned-byte 3-D tensor (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte 1-D tensor (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /**
     * An unsigned-byte IDX tensor.
     *
     * @param dims sizes, outermost first
     * @param data values row-major (read them with {@code data[i] & 0xff})
     */
    public record Tensor(int[] dims, byte[] data) {
        public Tensor {
            long n = 1;
            for (int d : dims) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("IDX tensor " + Arrays.toString(dims) + " needs " + n
                        + " values, got " + data.length);
            }
        }
    }

    /** Images {@code [n][rows][cols]} as unsigned bytes (0 = black background in (Fashion-)MNIST). */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public Images {
            if ((long) count * rows * cols != pixels.length) {
                throw new IllegalArgumentException("IDX images " + count + "x" + rows + "x" + cols
                        + " need " + (long) count * rows * cols + " bytes, got " + pixels.length);
            }
        }

        /** Unsigned value of pixel (row, col) of image {@code i}. */
        public int pixel(int i, int row, int col) {
            return pixels[(i * rows + row) * cols + col] & 0xff;
        }
    }

    /** Reads an image file ({@code idx3-ubyte}, plain or gzip). */
    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    /** Reads images from a stream; {@code name} is used in error messages. */
    public static Images readImages(InputStream in, String name) throws IOException {
        Tensor t = read(in, name, IMAGES_MAGIC);
        return new Images(t.dims()[0], t.dims()[1], t.dims()[2], t.data());
    }

    /** Reads a label file ({@code idx1-ubyte}, plain or gzip) as ints. */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** Reads labels from a stream; {@code name} is used in error messages. */
    public static int[] readLabels(InputStream in, String name) throws IOException {
        byte[] b = read(in, name, LABELS_MAGIC).data();
        int[] labels = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            labels[i] = b[i] & 0xff;
        }
        return labels;
    }

    /**
     * Reads one unsigned-byte tensor and checks its magic number.
     *
     * @param expectedMagic {@link #IMAGES_MAGIC}, {@link #LABELS_MAGIC}, or 0 to accept any unsigned-byte tensor
     */
    public static Tensor read(InputStream raw, String name, int expectedMagic) throws IOException {
        InputStream in = maybeGunzip(raw, name);
        byte[] head = readFully(in, 4, name, "header");
        int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        boolean ubyte = head[0] == 0 && head[1] == 0 && head[2] == 0x08 && head[3] >= 1;
        if (!ubyte || (expectedMagic != 0 && magic != expectedMagic)) {
            throw new IOException(String.format("%s: not an IDX %s file (magic number 0x%08x, expected 0x%08x)",
                    name, kind(expectedMagic), magic, expectedMagic == 0 ? IMAGES_MAGIC : expectedMagic));
        }
        int nd = head[3];
        byte[] dimBytes = readFully(in, 4 * nd, name, "dimension sizes");
        int[] dims = new int[nd];
        long total = 1;
        for (int k = 0; k < nd; k++) {
            int d = ((dimBytes[4 * k] & 0xff) << 24) | ((dimBytes[4 * k + 1] & 0xff) << 16)
                    | ((dimBytes[4 * k + 2] & 0xff) << 8) | (dimBytes[4 * k + 3] & 0xff);
            if (d < 0) {
                throw new IOException(name + ": IDX dimension " + k + " has an impossible size " + Integer.toUnsignedString(d));
            }
            dims[k] = d;
            total *= d;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": IDX tensor " + Arrays.toString(dims) + " is too large (" + total + " bytes)");
        }
        byte[] data = readFully(in, (int) total, name, "data of " + Arrays.toString(dims));
        if (in.read() != -1) {
            throw new IOException(name + ": IDX file has extra bytes after the " + total + " values of "
                    + Arrays.toString(dims) + " (wrong header or concatenated files?)");
        }
        return new Tensor(dims, data);
    }

    private static String kind(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "image (idx3-ubyte)";
            case LABELS_MAGIC -> "label (idx1-ubyte)";
            default -> "unsigned-byte";
        };
    }

    private static InputStream maybeGunzip(InputStream raw, String name) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
            } catch (IOException e) {
                throw new IOException(name + ": broken gzip header (" + e.getMessage() + ")", e);
            }
        }
        return b;
    }

    private static byte[] readFully(InputStream in, int n, String name, String what) throws IOException {
        byte[] out = new byte[n];
        int off = 0;
        try {
            while (off < n) {
                int r = in.read(out, off, n - off);
                if (r < 0) {
                    break;
                }
                off += r;
            }
        } catch (EOFException e) {
            // GZIPInputStream reports a cut-off compressed stream this way; same message as a plain cut-off.
        }
        if (off < n) {
            throw new IOException(name + ": truncated IDX file: " + what + " needs " + n + " bytes, only " + off
                    + " present");
        }
        return out;
    }

    /** Writes an unsigned-byte tensor atomically (temp file + rename); gzip when the name ends in {@code .gz}. */
    public static void write(Path file, Tensor t) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicWrite.write(file, os -> {
            if (gzip) {
                GZIPOutputStream g = new GZIPOutputStream(os, 1 << 16);
                g.write(encode(t));
                g.finish(); // not close(): AtomicWrite closes the underlying stream
            } else {
                os.write(encode(t));
            }
        });
    }

    /** Writes images {@code [n][rows][cols]}. */
    public static void writeImages(Path file, Images images) throws IOException {
        write(file, new Tensor(new int[]{images.count(), images.rows(), images.cols()}, images.pixels()));
    }

    /** Writes labels (each must be 0..255). */
    public static void writeLabels(Path file, int[] labels) throws IOException {
        byte[] b = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " does not fit an unsigned byte");
            }
            b[i] = (byte) labels[i];
        }
        write(file, new Tensor(new int[]{labels.length}, b));
    }

    /** The IDX bytes of a tensor (uncompressed). */
    public static byte[] encode(Tensor t) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(4 + 4 * t.dims().length + t.data().length);
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeInt(0x00000800 | t.dims().length);
            for (int d : t.dims()) {
                out.writeInt(d);
            }
            out.write(t.data());
        } catch (IOException e) {
            throw new AssertionError("in-memory stream", e);
        }
        return bos.toByteArray();
    }
}
