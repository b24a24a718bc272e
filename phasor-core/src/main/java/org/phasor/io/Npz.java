package org.phasor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** NumPy {@code .npz} archives: a zip of {@code NAME.npy} entries, as {@code numpy.savez(_compressed)} writes. */
public final class Npz {
    private Npz() {
    }

    /** Writes the arrays (in map order) as a compressed .npz, atomically. Names must not end in ".npy". */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        AtomicWrite.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                if (e.getKey().isEmpty() || e.getKey().contains("/")) {
                    throw new IllegalArgumentException("bad .npz entry name '" + e.getKey() + "'");
                }
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                Npy.write(zip, e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Reads every {@code .npy} entry; keys are entry names without ".npy", in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            boolean any = false;
            while ((e = zip.getNextEntry()) != null) {
                any = true;
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                String key = name.substring(0, name.length() - 4);
                out.put(key, Npy.read(zip, file + ":" + name));
            }
            if (!any) {
                throw new IOException(file + ": not an .npz archive (no zip entries)");
            }
        } catch (ZipException z) {
            throw new IOException(file + ": not a valid .npz archive (" + z.getMessage() + ")");
        }
        return out;
    }
}
