// Relative L2 deviation of the lab camera's FFM gradient from the noise-free camera's, 3 batches of 20 training images, at every design in an npz.
// Run from the repository root after ./phasor has built the jar:
//   $JAVA_HOME/bin/java -cp phasor-cli/target/phasor.jar docs/results/ffm-layers-20-epochs-diagnostics/snr/GradNoise.java \
//       docs/results/ffm-layers-20-epochs-diagnostics/regnorm-follow-creep-6/designs/L6.npz 6
// A diagnostic, not part of the product: it builds the full preset's lab by hand (120 px, 8 um, 12 mm, 84-px images).
import org.phasor.bench.*;
import org.phasor.data.*;
import org.phasor.io.*;
import org.phasor.model.*;
import org.phasor.optics.propagation.Propagator;
import org.phasor.math.fft.FftBackends;
import org.phasor.sim.*;
import org.phasor.train.Batch;
import java.nio.file.*;
import java.util.*;

/** Relative deviation of the lab camera's FFM gradient from the noise-free one, at each design in an npz. */
public class GradNoise {
    public static void main(String[] a) throws Exception {
        Path npz = Path.of(a[0]);
        int layers = Integer.parseInt(a[1]);
        double[] z = new double[layers + 1];
        Arrays.fill(z, 12e-3);
        BenchDescription d = new BenchDescription("x", 120, 120, 8e-6, 532e-9, z, layers, 256, 1.0 / 42);
        Imperfections lab = Profiles.load("lab");
        Imperfections quiet = lab.withPhotons(0);
        SimulatedBench exact = new SimulatedBench(d, quiet, new Propagator(FftBackends.java(), m -> { }));
        SimulatedBench noisy = new SimulatedBench(d, lab, new Propagator(FftBackends.java(), m -> { }));
        BenchCalibration cal = BenchCalibration.measure(exact, new Holography(3, layers + 2, true), 8, 4);
        Readout readout = NominalModel.detectors343(120, 120, 8);
        ImageEncoder image = ImageEncoder.amplitude(84);
        var loss = org.phasor.train.loss.SoftmaxCrossEntropy.normalised(10);
        BenchClassifier c = new BenchClassifier(exact, cal, image::encode, readout, loss);
        Dataset train = Datasets.shippedFashionMnistSubset().train();
        int nb = 20;
        Map<String, NpyArray> m = Npz.read(npz);
        int n = 120 * 120;
        for (String key : m.keySet()) {
            double[][] ph = new double[layers][];
            for (int l = 0; l < layers; l++) ph[l] = Arrays.copyOfRange(m.get(key).data(), l * n, (l + 1) * n);
            StringBuilder sb = new StringBuilder(key + ":");
            double num = 0, den = 0;
            double[] perNum = new double[layers], perDen = new double[layers];
            for (int rep = 0; rep < 3; rep++) {
                int off = rep * 997 % (train.size() - nb);
                Batch b = new Batch(Arrays.copyOfRange(train.features(), off * 784, (off + nb) * 784),
                        Arrays.copyOfRange(train.labels(), off, off + nb), 28, 28);
                ComplexFrames in = c.encode(b);
                FullyForward fe = new FullyForward(exact, cal, new Holography(3, layers + 2, true), List.of());
                FullyForward fn = new FullyForward(noisy, cal, new Holography(3, layers + 2, true), List.of());
                fe.program(ph);
                fn.program(ph);
                double[][] ge = fe.gradient(in, c.objective(b)).gradient();
                double[][] gn = fn.gradient(in, c.objective(b)).gradient();
                for (int l = 0; l < layers; l++) {
                    for (int i = 0; i < n; i++) {
                        double dd = gn[l][i] - ge[l][i];
                        perNum[l] += dd * dd; perDen[l] += ge[l][i] * ge[l][i];
                    }
                }
            }
            for (int l = 0; l < layers; l++) { num += perNum[l]; den += perDen[l];
                sb.append(String.format(Locale.ROOT, " L%d %.2f", l + 1, Math.sqrt(perNum[l] / perDen[l]))); }
            sb.append(String.format(Locale.ROOT, "  all %.3f", Math.sqrt(num / den)));
            System.out.println(sb);
        }
    }
}
