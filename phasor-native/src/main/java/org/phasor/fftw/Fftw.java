package org.phasor.fftw;

import org.phasor.math.Precision;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The process-wide FFTW state: the loaded library per precision, its plans and its wisdom. FFTW's planner is
 * global inside the native library, so this is one object per JVM ({@link #SHARED}); every planner call (plan,
 * thread count, wisdom) happens under one lock, while executing plans runs unlocked from any thread.
 *
 * <p>Library: {@code -Dphasor.fftw.library=PATH} (or {@code PHASOR_FFTW_LIBRARY}) points at another
 * {@code libfftw3f}, {@code phasor.fftw.library.double} / {@code PHASOR_FFTW_LIBRARY_DOUBLE} at another
 * {@code libfftw3}; otherwise the copies inside the {@code org.bytedeco:fftw} jar are extracted to the user cache.
 * Planner: {@code -Dphasor.fftw.planner=measure|estimate|patient} (default measure); wisdom is kept in
 * {@code <cache>/fftw/wisdom-complex64.txt} (and {@code -complex128}) so measuring happens once per machine, and a
 * run repeats to the last digit wherever the same wisdom is loaded. {@code estimate} neither reads nor writes
 * wisdom, so its plans (and numbers) do not depend on what was measured on the machine; they are several times
 * slower at 256² and up (docs/results.md).
 */
final class Fftw {
    static final Fftw SHARED = new Fftw();

    private static final String RESOURCE_DIR = "org/bytedeco/fftw/linux-x86_64/";

    private final Object planner = new Object();
    private final Map<Precision, Object> apis = new EnumMap<>(Precision.class); // FftwApi or String (why not)
    private final Map<PlanKey, MemorySegment> plans = new ConcurrentHashMap<>();
    private final int plannerFlags = plannerFlags();

    /** One cached plan: shape, precision, items per execute, direction, FFTW threads, alignment. */
    record PlanKey(int ny, int nx, Precision precision, int howmany, int sign, int threads, boolean aligned) {
    }

    private Fftw() {
    }

    /** Null when the library for {@code precision} loads, else a one-line reason. */
    String unavailableReason(Precision precision) {
        Object o = load(precision);
        return o instanceof String why ? why : null;
    }

    /** The bound API; throws a one-line {@link IllegalStateException} when the library cannot load. */
    FftwApi api(Precision precision) {
        Object o = load(precision);
        if (o instanceof String why) {
            throw new IllegalStateException("FFTW (" + precision.numpyName() + ") unavailable: " + why);
        }
        return (FftwApi) o;
    }

    private Object load(Precision precision) {
        synchronized (planner) {
            return apis.computeIfAbsent(precision, this::bind);
        }
    }

    private Object bind(Precision precision) {
        boolean single = precision == Precision.SINGLE;
        String prop = single ? "phasor.fftw.library" : "phasor.fftw.library.double";
        String env = single ? "PHASOR_FFTW_LIBRARY" : "PHASOR_FFTW_LIBRARY_DOUBLE";
        String name = single ? "libfftw3f.so.3" : "libfftw3.so.3";
        String override = System.getProperty(prop, System.getenv(env));
        Path lib;
        try {
            if (override != null && !override.isBlank()) {
                lib = Path.of(override);
                if (!Files.isRegularFile(lib)) {
                    return "library " + lib + " from " + prop + " does not exist";
                }
            } else {
                String os = System.getProperty("os.name", "?");
                String arch = System.getProperty("os.arch", "?");
                if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
                    return "no bundled FFTW for " + os + "/" + arch + " (only linux-x86_64); set -D" + prop + "=PATH";
                }
                lib = NativeLibraryFile.extract(RESOURCE_DIR + name, NativeLibraryFile.cacheDir());
            }
            FftwApi api = FftwApi.bind(precision, lib);
            if (api.hasThreads()) {
                int ok = (int) api.initThreads().invokeExact();
                if (ok == 0) {
                    return "fftw init_threads failed in " + lib;
                }
            }
            // estimate plans are FFTW's deterministic choice; measured wisdom would make them this machine's
            if (plannerFlags != FftwApi.ESTIMATE) {
                importWisdom(api);
            }
            return api;
        } catch (IOException e) {
            return "cannot extract " + name + ": " + e.getMessage();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "cannot load " + name + ": " + e.getMessage();
        } catch (Throwable t) {
            return "cannot load " + name + ": " + t;
        }
    }

    /** The plan for {@code key}, created on first use (under the planner lock) and kept for the JVM's life. */
    MemorySegment plan(PlanKey key) {
        MemorySegment p = plans.get(key);
        if (p != null) {
            return p;
        }
        synchronized (planner) {
            return plans.computeIfAbsent(key, this::createPlan);
        }
    }

    private MemorySegment createPlan(PlanKey k) {
        FftwApi api = api(k.precision());
        long itemComplex = (long) k.ny() * k.nx();
        long bytes = k.howmany() * itemComplex * k.precision().complexBytes();
        int flags = plannerFlags | (k.aligned() ? 0 : FftwApi.UNALIGNED);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocateFrom(JAVA_INT, k.ny(), k.nx());
            // planning with MEASURE overwrites the buffer, so plan on scratch, never on user data;
            // an unaligned plan is made on a deliberately misaligned buffer
            MemorySegment buf = arena.allocate(bytes + 64, 64);
            buf = k.aligned() ? buf.asSlice(0, bytes) : buf.asSlice(k.precision().complexBytes(), bytes);
            if (api.hasThreads()) {
                api.planWithNthreads().invokeExact(k.threads());
            }
            MemorySegment plan = (MemorySegment) api.planManyDft().invokeExact(2, n, k.howmany(),
                    buf, MemorySegment.NULL, 1, (int) itemComplex,
                    buf, MemorySegment.NULL, 1, (int) itemComplex, k.sign(), flags);
            if (plan.address() == 0) {
                throw new IllegalStateException("FFTW could not plan a " + k.ny() + "x" + k.nx() + " "
                        + k.precision().numpyName() + " transform (batch " + k.howmany() + ")");
            }
            if ((flags & FftwApi.ESTIMATE) == 0) {
                exportWisdom(api);
            }
            return plan;
        } catch (Throwable t) {
            throw FftwApi.rethrow(t);
        }
    }

    private static Path wisdomFile(Precision p) {
        return NativeLibraryFile.cacheDir().resolve("fftw").resolve("wisdom-" + p.numpyName() + ".txt");
    }

    private static void importWisdom(FftwApi api) throws Throwable {
        Path f = wisdomFile(api.precision());
        if (Files.isRegularFile(f)) {
            try (Arena a = Arena.ofConfined()) {
                int ok = (int) api.importWisdom().invokeExact(a.allocateFrom(f.toString()));
                if (ok == 0) {
                    System.err.println("phasor: warning: ignoring unreadable FFTW wisdom " + f);
                }
            }
        }
    }

    /** Saves the planner's wisdom atomically (temp file + rename); a failure only costs re-measuring later. */
    private static void exportWisdom(FftwApi api) throws Throwable {
        Path f = wisdomFile(api.precision());
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "wisdom", ".tmp");
            try (Arena a = Arena.ofConfined()) {
                int ok = (int) api.exportWisdom().invokeExact(a.allocateFrom(tmp.toString()));
                if (ok != 0) {
                    try {
                        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            System.err.println("phasor: warning: cannot save FFTW wisdom to " + f + ": " + e.getMessage());
        }
    }

    private static int plannerFlags() {
        String p = System.getProperty("phasor.fftw.planner", "measure").trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "measure" -> FftwApi.MEASURE;
            case "estimate" -> FftwApi.ESTIMATE;
            case "patient" -> FftwApi.PATIENT;
            default -> throw new IllegalArgumentException(
                    "phasor.fftw.planner must be measure, estimate or patient, got '" + p + "'");
        };
    }
}
