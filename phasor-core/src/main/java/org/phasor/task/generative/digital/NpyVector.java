package org.phasor.task.generative.digital;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes one 1-D little-endian float32 NumPy array (.npy format 1.0): the parameter vectors of the
 * small digital networks shipped under data/models/. Deliberately minimal (one dtype, one rank); writes are
 * atomic (temp file + rename).
 */
public final class NpyVector {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),?\\)");

    private NpyVector() {
    }

    public static void write(Path file, double[] values) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            buf.putFloat((float) v);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.write(tmp, buf.array());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static double[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (!buf.hasRemaining() || buf.get() != b) {
                throw new IOException(file + ": not a .npy file (bad magic)");
            }
        }
        int major = buf.get();
        buf.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        String header = new String(bytes, buf.position(), headerLen, StandardCharsets.US_ASCII);
        buf.position(buf.position() + headerLen);
        if (!header.contains("'descr': '<f4'") || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": expected a little-endian float32 vector, header " + header.strip());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": expected a 1-D array, header " + header.strip());
        }
        int n = Integer.parseInt(m.group(1));
        if (buf.remaining() != 4L * n) {
            throw new IOException(file + ": header says " + n + " values but " + buf.remaining() + " data bytes follow");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = buf.getFloat();
        }
        return out;
    }
}
