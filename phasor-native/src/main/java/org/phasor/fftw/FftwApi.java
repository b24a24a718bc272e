package org.phasor.fftw;

import org.phasor.math.Precision;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The handful of FFTW entry points Phasor calls, bound by hand with {@code java.lang.foreign} for one precision:
 * {@code fftwf_*} (single) or {@code fftw_*} (double) — the signatures are identical apart from the element
 * type behind the pointers, so one table of handles per precision serves one code path.
 *
 * <p>Thread safety (FFTW manual §5.4): only the execute functions may be called concurrently; planning,
 * destroying plans, wisdom and thread setup must be serialised, which {@link Fftw} does with one lock.
 */
record FftwApi(Precision precision, Path library, MethodHandle planManyDft, MethodHandle executeDft,
               MethodHandle destroyPlan, MethodHandle initThreads, MethodHandle planWithNthreads,
               MethodHandle importWisdom, MethodHandle exportWisdom) {

    static final int FORWARD = -1;
    static final int BACKWARD = 1;
    static final int MEASURE = 0;
    static final int UNALIGNED = 1 << 1;
    static final int PATIENT = 1 << 5;
    static final int ESTIMATE = 1 << 6;

    /** Opens {@code library} (kept open for the life of the JVM) and binds the functions for {@code precision}. */
    static FftwApi bind(Precision precision, Path library) {
        String p = precision == Precision.SINGLE ? "fftwf_" : "fftw_";
        SymbolLookup lib = SymbolLookup.libraryLookup(library, Arena.global());
        Linker linker = Linker.nativeLinker();
        // fftw_plan fftw_plan_many_dft(int rank, const int *n, int howmany, fftw_complex *in, const int *inembed,
        //     int istride, int idist, fftw_complex *out, const int *onembed, int ostride, int odist, int sign, unsigned flags)
        MethodHandle planMany = handle(lib, linker, p + "plan_many_dft", FunctionDescriptor.of(ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT));
        MethodHandle execute = handle(lib, linker, p + "execute_dft",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        MethodHandle destroy = handle(lib, linker, p + "destroy_plan", FunctionDescriptor.ofVoid(ADDRESS));
        // threads are built into the bytedeco library; a system libfftw3f keeps them in libfftw3f_threads
        MethodHandle initThreads = optional(lib, linker, p + "init_threads", FunctionDescriptor.of(JAVA_INT));
        MethodHandle nthreads = optional(lib, linker, p + "plan_with_nthreads", FunctionDescriptor.ofVoid(JAVA_INT));
        MethodHandle importW = handle(lib, linker, p + "import_wisdom_from_filename",
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        MethodHandle exportW = handle(lib, linker, p + "export_wisdom_to_filename",
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        return new FftwApi(precision, library, planMany, execute, destroy,
                nthreads == null ? null : initThreads, initThreads == null ? null : nthreads, importW, exportW);
    }

    boolean hasThreads() {
        return initThreads != null && planWithNthreads != null;
    }

    private static MethodHandle handle(SymbolLookup lib, Linker linker, String name, FunctionDescriptor fd) {
        MethodHandle h = optional(lib, linker, name, fd);
        if (h == null) {
            throw new IllegalStateException("symbol " + name + " not found");
        }
        return h;
    }

    private static MethodHandle optional(SymbolLookup lib, Linker linker, String name, FunctionDescriptor fd) {
        return lib.find(name).map(s -> linker.downcallHandle(s, fd)).orElse(null);
    }

    /** fftw_execute_dft(plan, in, out): the only call made in hot loops. */
    void execute(MemorySegment plan, MemorySegment in, MemorySegment out) {
        try {
            executeDft.invokeExact(plan, in, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
