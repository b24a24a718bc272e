package org.phasor.task.generative.digital;

import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.io.NpyDtype;

import java.io.IOException;
import java.nio.file.Path;

/** Parameter vectors of the small digital networks as 1-D float32 .npy files (via {@link Npy}, atomic writes). */
final class NpyVector {
    private NpyVector() {
    }

    static void write(Path file, double[] values) throws IOException {
        Npy.write(file, NpyArray.ofReal(NpyDtype.FLOAT32, new int[]{values.length}, values));
    }

    static double[] read(Path file) throws IOException {
        NpyArray a = Npy.read(file);
        if (a.ndim() != 1 || a.dtype().isComplex()) {
            throw new IOException(file + ": expected a 1-D real parameter vector, got " + a.describe());
        }
        return a.data();
    }
}
