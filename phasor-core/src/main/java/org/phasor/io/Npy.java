package org.phasor.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format versions 1–3): float32, float64, complex64, complex128; C order; any shape.
 * Reading accepts little- and big-endian data; writing produces little-endian version 1.0 files (2.0 when the
 * header is too long). Every error is one line naming the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads an .npy file. */
    public static NpyArray read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads one .npy image from a stream; {@code name} is used in error messages. */
    public static NpyArray read(InputStream in, String name) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !startsWithMagic(pre)) {
            throw new IOException(name + ": not a NumPy .npy file (bad magic bytes)");
        }
        int major = pre[6] & 0xff;
        int headerLen;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            if (l.length < 2) {
                throw new IOException(name + ": truncated .npy header");
            }
            headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            if (l.length < 4) {
                throw new IOException(name + ": truncated .npy header");
            }
            headerLen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException(name + ": unsupported .npy format version " + major + "." + (pre[7] & 0xff));
        }
        if (headerLen < 0 || headerLen > 1 << 20) {
            throw new IOException(name + ": implausible .npy header length " + headerLen);
        }
        byte[] hb = in.readNBytes(headerLen);
        if (hb.length < headerLen) {
            throw new IOException(name + ": truncated .npy header");
        }
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find()) {
            if (header.contains("'descr'")) {
                throw new IOException(name + ": structured dtypes are not supported (header " + header.trim() + ")");
            }
            throw new IOException(name + ": .npy header has no 'descr': " + header.trim());
        }
        if (!f.find() || !s.find()) {
            throw new IOException(name + ": malformed .npy header: " + header.trim());
        }
        String descr = d.group(1);
        if (f.group(1).equals("True")) {
            throw new IOException(name + ": Fortran-order arrays are not supported; save with C order "
                    + "(numpy.ascontiguousarray) and try again");
        }
        if (descr.equals("|O") || descr.startsWith("O") || descr.contains("O")) {
            throw new IOException(name + ": object arrays are not supported (dtype " + descr + ")");
        }
        if (descr.length() < 3) {
            throw new IOException(name + ": unsupported dtype '" + descr + "' (expected float32, float64, complex64 or complex128)");
        }
        char order = descr.charAt(0);
        NpyDtype dtype = null;
        try {
            dtype = NpyDtype.of(descr.charAt(1), Integer.parseInt(descr.substring(2)));
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        if (dtype == null || (order != '<' && order != '>' && order != '|' && order != '=')) {
            throw new IOException(name + ": unsupported dtype '" + descr
                    + "' (expected float32, float64, complex64 or complex128)");
        }
        int[] shape = parseShape(s.group(1), name);
        long elements = 1;
        for (int n : shape) {
            elements *= n;
        }
        long values = dtype.isComplex() ? 2 * elements : elements;
        if (values > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": array of " + elements + " elements is too large");
        }
        long bytes = elements * dtype.itemBytes();
        byte[] raw = in.readNBytes((int) bytes);
        if (raw.length < bytes) {
            throw new IOException(name + ": truncated .npy file: shape " + s.group(1).trim() + " of " + descr
                    + " needs " + bytes + " data bytes, found " + raw.length);
        }
        ByteBuffer bb = ByteBuffer.wrap(raw).order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) values];
        if (dtype.componentBytes() == 4) {
            for (int i = 0; i < data.length; i++) {
                data[i] = bb.getFloat();
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = bb.getDouble();
            }
        }
        return new NpyArray(dtype, shape, data);
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] parseShape(String text, String name) throws IOException {
        String t = text.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        for (String p : parts) {
            String q = p.trim();
            if (q.isEmpty()) {
                continue;
            }
            q = q.endsWith("L") ? q.substring(0, q.length() - 1) : q;
            try {
                shape[count++] = Integer.parseInt(q);
            } catch (NumberFormatException e) {
                throw new IOException(name + ": bad .npy shape (" + text + ")");
            }
        }
        return java.util.Arrays.copyOf(shape, count);
    }

    /** Writes an .npy file atomically (temporary file in the same directory, then rename). */
    public static void write(Path file, NpyArray a) throws IOException {
        AtomicWrite.write(file, out -> write(out, a));
    }

    /** Writes one .npy image to a stream (little-endian, C order). */
    public static void write(OutputStream out, NpyArray a) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        int[] s = a.shape();
        for (int i = 0; i < s.length; i++) {
            shape.append(i > 0 ? ", " : "").append(s[i]);
        }
        if (s.length == 1) {
            shape.append(',');
        }
        shape.append(')');
        String dict = "{'descr': '" + a.dtype().descr() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        // total of magic(6) + version(2) + length field + header is a multiple of 64, header ends with '\n'
        boolean v2 = dict.length() + 1 + 10 > 65535;
        int pre = v2 ? 12 : 10;
        int total = ((pre + dict.length() + 1 + 63) / 64) * 64;
        String header = dict + " ".repeat(total - pre - dict.length() - 1) + "\n";
        ByteArrayOutputStream head = new ByteArrayOutputStream(total);
        head.write(MAGIC);
        head.write(v2 ? 2 : 1);
        head.write(0);
        int len = header.length();
        head.write(len & 0xff);
        head.write((len >>> 8) & 0xff);
        if (v2) {
            head.write((len >>> 16) & 0xff);
            head.write((len >>> 24) & 0xff);
        }
        head.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(head.toByteArray());
        double[] data = a.data();
        int comp = a.dtype().componentBytes();
        ByteBuffer bb = ByteBuffer.allocate(8192 * comp).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i++) {
            if (comp == 4) {
                bb.putFloat((float) data[i]);
            } else {
                bb.putDouble(data[i]);
            }
            if (!bb.hasRemaining()) {
                out.write(bb.array(), 0, bb.position());
                bb.clear();
            }
        }
        out.write(bb.array(), 0, bb.position());
    }
}
