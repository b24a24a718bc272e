// FFM gradient vs the simulated hardware's exact gradient on a noise-free, drift-free lab bench, at each design in an npz.
// Run from the repository root after ./phasor has built the jar (1 min):
//   $JAVA_HOME/bin/java -cp phasor-cli/target/phasor.jar docs/results/ffm-gradient-mapping/GradBias.java \
//       docs/results/ffm-layers-20-epochs-diagnostics/regnorm-follow-creep-6/designs/L6.npz 6 \
//       docs/results/ffm-gradient-mapping/quiet.yaml          (or quiet-noxt.yaml: the same without crosstalk)
// Prints, per design and layer, the cosine and relative L2 distance of FFM's gradient from the exact one and their norm ratio.
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

public class GradBias {
    public static void main(String[] a) throws Exception {
        Path npz = Path.of(a[0]);
        int layers = Integer.parseInt(a[1]);
        String profile = a[2];
        double[] z = new double[layers + 1];
        Arrays.fill(z, 12e-3);
        BenchDescription d = new BenchDescription("x", 120, 120, 8e-6, 532e-9, z, layers, 256, 1.0 / 42);
        Imperfections quiet = Profiles.load(profile);
        SimulatedBench bench = new SimulatedBench(d, quiet, new Propagator(FftBackends.java(), m -> { }));
        BenchCalibration cal = BenchCalibration.measure(bench, new Holography(3, layers + 2, true), 8, 4);
        Readout readout = NominalModel.detectors343(120, 120, 8);
        ImageEncoder image = ImageEncoder.amplitude(84);
        var loss = org.phasor.train.loss.SoftmaxCrossEntropy.normalised(10);
        BenchClassifier c = new BenchClassifier(bench, cal, image::encode, readout, loss);
        Dataset train = Datasets.shippedFashionMnistSubset().train();
        int nb = 20;
        Map<String, NpyArray> m = Npz.read(npz);
        int n = 120 * 120;
        for (String key : m.keySet()) {
            double[][] ph = new double[layers][];
            for (int l = 0; l < layers; l++) ph[l] = Arrays.copyOfRange(m.get(key).data(), l * n, (l + 1) * n);
            Params p = new Params(ph);
            double[] dot = new double[layers], ee = new double[layers], ff = new double[layers], dd = new double[layers];
            for (int rep = 0; rep < 3; rep++) {
                int off = rep * 997 % (train.size() - nb);
                Batch b = new Batch(Arrays.copyOfRange(train.features(), off * 784, (off + nb) * 784),
                        Arrays.copyOfRange(train.labels(), off, off + nb), 28, 28);
                double[][] gf = new FullyForwardMethod(c, new FullyForward(bench, cal, new Holography(3, layers + 2, true), List.of())).step(p, b).gradients();
                double[][] ge = new ExactTwinMethod(c, bench).step(p, b).gradients();
                for (int l = 0; l < layers; l++) for (int i = 0; i < n; i++) {
                    dot[l] += gf[l][i] * ge[l][i]; ee[l] += ge[l][i] * ge[l][i]; ff[l] += gf[l][i] * gf[l][i];
                    double x = gf[l][i] - ge[l][i]; dd[l] += x * x;
                }
            }
            StringBuilder sb = new StringBuilder(key + ":");
            for (int l = 0; l < layers; l++)
                sb.append(String.format(Locale.ROOT, " L%d cos %.3f rel %.2f |f|/|e| %.2f;", l + 1, dot[l] / Math.sqrt(ee[l] * ff[l]), Math.sqrt(dd[l] / ee[l]), Math.sqrt(ff[l] / ee[l])));
            System.out.println(sb);
        }
    }
}
