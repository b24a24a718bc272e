package org.phasor.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Regenerates the Fashion-MNIST subset shipped in {@code data/fashion-mnist-subset/} from the full IDX files,
 * deterministically: the first {@code trainPerClass} training images of each class and the first
 * {@code testPerClass} test images of each class, in the original file order (no randomness, so the same
 * source always gives byte-identical output; Java's gzip writes no time stamp).
 *
 * <pre>
 * java -cp phasor-core/target/classes org.phasor.data.FashionMnistSubsetTool \
 *     /usr/share/datasets/fashion-mnist data/fashion-mnist-subset 600 100
 * </pre>
 */
public final class FashionMnistSubsetTool {
    private FashionMnistSubsetTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: FashionMnistSubsetTool SOURCE_DIR OUT_DIR TRAIN_PER_CLASS TEST_PER_CLASS");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    /** Writes the four gzipped IDX files of the balanced subset into {@code out}. */
    public static void write(Path source, Path out, int trainPerClass, int testPerClass) throws IOException {
        DataSplit full = Datasets.idxDirectory(source, Dataset.FASHION_MNIST_CLASSES, "Fashion-MNIST");
        writeSubset(out, "train", source.resolve("train"), full.train(), trainPerClass);
        writeSubset(out, "t10k", source.resolve("t10k"), full.test(), testPerClass);
    }

    private static void writeSubset(Path out, String prefix, Path srcName, Dataset d, int perClass) throws IOException {
        int[] idx = d.balancedIndices(perClass);
        int px = d.sampleSize();
        byte[] pixels = new byte[idx.length * px];
        int[] labels = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            int off = d.offset(idx[k]);
            for (int j = 0; j < px; j++) {
                // exact inverse of the /255 scaling in Dataset.fromIdx (float rounding is far below 0.5/255)
                pixels[k * px + j] = (byte) Math.round(d.features()[off + j] * 255f);
            }
            labels[k] = d.labels()[idx[k]];
        }
        Idx.writeImages(out.resolve(prefix + "-images-idx3-ubyte.gz"), new Idx.Images(idx.length, d.rows(), d.cols(), pixels));
        Idx.writeLabels(out.resolve(prefix + "-labels-idx1-ubyte.gz"), labels);
        System.err.println("wrote " + idx.length + " " + prefix + " samples (" + perClass + " per class, first in file order of "
                + srcName + ") to " + out);
    }
}
