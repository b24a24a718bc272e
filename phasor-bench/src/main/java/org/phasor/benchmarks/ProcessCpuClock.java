package org.phasor.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Process CPU time (all threads) in nanoseconds with nanosecond resolution: POSIX
 * {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} through java.lang.foreign, because the JDK's
 * {@code OperatingSystemMXBean.getProcessCpuTime()} ticks in 10 ms steps on Linux, too coarse for a 15 ms
 * propagation. Falls back to the MXBean where the call is not available.
 */
final class ProcessCpuClock {
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    private final MethodHandle clockGettime;
    private final MemorySegment timespec = Arena.global().allocate(16, 8);

    ProcessCpuClock() {
        MethodHandle h = null;
        try {
            Linker linker = Linker.nativeLinker();
            h = linker.defaultLookup().find("clock_gettime").map(s -> linker.downcallHandle(s,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS))).orElse(null);
        } catch (RuntimeException e) {
            h = null;
        }
        clockGettime = h;
    }

    long nanos() {
        if (clockGettime != null) {
            try {
                int rc = (int) clockGettime.invokeExact(CLOCK_PROCESS_CPUTIME_ID, timespec);
                if (rc == 0) {
                    return timespec.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + timespec.get(ValueLayout.JAVA_LONG, 8);
                }
            } catch (Throwable t) {
                // fall through to the MXBean
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime();
    }
}
