package org.phasor.fftw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Puts a shared library that ships inside a jar on disk so {@link java.lang.foreign.SymbolLookup#libraryLookup}
 * can open it: {@code <cache>/native/<sha256 prefix>/<name>}. The content hash in the path means different
 * library versions never overwrite each other and an existing file is reused as it is; the file is written to a
 * temporary name in the same directory and renamed, so concurrent JVMs never see a half-written library.
 */
final class NativeLibraryFile {
    private NativeLibraryFile() {
    }

    /**
     * @param resource class-path resource, e.g. {@code org/bytedeco/fftw/linux-x86_64/libfftw3f.so.3}
     * @return the extracted file
     * @throws IOException when the resource is missing or the cache directory cannot be written
     */
    static Path extract(String resource, Path cacheDir) throws IOException {
        byte[] bytes;
        try (InputStream in = NativeLibraryFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " not on the class path");
            }
            bytes = in.readAllBytes();
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path dir = cacheDir.resolve("native").resolve(sha256Prefix(bytes));
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static String sha256Prefix(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /** The per-user cache directory: {@code -Dphasor.cache.dir}, else {@code $XDG_CACHE_HOME/phasor}, else {@code ~/.cache/phasor}. */
    static Path cacheDir() {
        String prop = System.getProperty("phasor.cache.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "phasor");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "phasor");
    }
}
