package org.phasor.train;

import org.phasor.io.AtomicWrite;

import org.phasor.model.Params;
import org.phasor.train.optim.OptimizerState;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link TrainingState} checkpoints. Writes are atomic: the bytes go to a temporary file in the
 * same directory, are forced to disk, and the file is renamed over the old checkpoint, so a kill -9 at any moment
 * leaves either the previous or the new checkpoint, never a torn one.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): magic {@code PHASORCK}, version int, then the fields of
 * {@link TrainingState} in declaration order; arrays as (int length, doubles); the optimiser state as kind, step,
 * count and (name, array) pairs; the history as count and records. Doubles are stored bit-exactly.
 */
public final class Checkpoints {
    private static final long MAGIC = 0x5048415352434b31L; // "PHASRCK1"
    private static final int VERSION = 1;

    private Checkpoints() {
    }

    /** Writes {@code s} to {@code file} atomically (temp file + fsync + rename, see {@link AtomicWrite}). */
    public static void write(TrainingState s, Path file) throws IOException {
        AtomicWrite.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            writeState(s, out);
            out.flush();
        });
    }

    /** Reads a checkpoint; a one-line error naming the file when it is not one or is truncated. */
    public static TrainingState read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + ": not a Phasor checkpoint (bad magic number)");
            }
            int v = in.readInt();
            if (v != VERSION) {
                throw new IOException(file + ": checkpoint version " + v + ", this build reads version " + VERSION);
            }
            return readState(in);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }

    private static void writeState(TrainingState s, DataOutputStream out) throws IOException {
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(s.seed());
        out.writeInt(s.epoch());
        out.writeInt(s.batch());
        out.writeDouble(s.lossSum());
        out.writeLong(s.correct());
        out.writeLong(s.seen());
        out.writeDouble(s.seconds());
        writeCost(s.cost(), out);
        out.writeInt(s.params().layerCount());
        for (double[] a : s.params().layers()) {
            writeArray(a, out);
        }
        OptimizerState o = s.optimizer();
        out.writeUTF(o.kind());
        out.writeLong(o.step());
        out.writeInt(o.arrays().size());
        for (var e : o.arrays().entrySet()) {
            out.writeUTF(e.getKey());
            writeArray(e.getValue(), out);
        }
        out.writeInt(s.history().size());
        for (EpochMetrics m : s.history()) {
            out.writeInt(m.epoch());
            out.writeDouble(m.trainLoss());
            out.writeDouble(m.trainAccuracy());
            out.writeDouble(m.testLoss());
            out.writeDouble(m.testAccuracy());
            out.writeDouble(m.seconds());
            writeCost(m.cost(), out);
        }
    }

    private static TrainingState readState(DataInputStream in) throws IOException {
        long seed = in.readLong();
        int epoch = in.readInt();
        int batch = in.readInt();
        double lossSum = in.readDouble();
        long correct = in.readLong();
        long seen = in.readLong();
        double seconds = in.readDouble();
        Cost cost = readCost(in);
        int layers = checkedCount(in.readInt(), "layer");
        double[][] p = new double[layers][];
        for (int l = 0; l < layers; l++) {
            p[l] = readArray(in);
        }
        String kind = in.readUTF();
        long step = in.readLong();
        int arrays = checkedCount(in.readInt(), "optimiser array");
        Map<String, double[]> state = new LinkedHashMap<>();
        for (int i = 0; i < arrays; i++) {
            String name = in.readUTF();
            state.put(name, readArray(in));
        }
        int epochs = checkedCount(in.readInt(), "epoch");
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < epochs; i++) {
            history.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), readCost(in)));
        }
        return new TrainingState(seed, epoch, batch, lossSum, correct, seen, seconds, cost, new Params(p),
                new OptimizerState(kind, step, state), history);
    }

    private static void writeCost(Cost c, DataOutputStream out) throws IOException {
        out.writeLong(c.dataPasses());
        out.writeLong(c.errorPasses());
        out.writeLong(c.frames());
    }

    private static Cost readCost(DataInputStream in) throws IOException {
        return new Cost(in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeArray(double[] a, DataOutputStream out) throws IOException {
        out.writeInt(a.length);
        for (double d : a) {
            out.writeLong(Double.doubleToRawLongBits(d));
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = checkedCount(in.readInt(), "array value");
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }

    private static int checkedCount(int n, String what) throws IOException {
        if (n < 0 || n > 1 << 28) {
            throw new IOException("corrupt checkpoint: " + n + " " + what + "s");
        }
        return n;
    }
}
