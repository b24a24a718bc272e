// Peak camera frames (exact camera, lab bench seed 7) for every design in an npz, with and without the holography reference.
// Run from the repository root after ./phasor has built the jar:
//   $JAVA_HOME/bin/java -cp phasor-cli/target/phasor.jar docs/results/ffm-layers-20-epochs-diagnostics/snr/Saturation.java \
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

/** How bright do trained designs make the camera frames? Exact camera on the lab bench; saturation at 15.6 units. */
public class Saturation {
    public static void main(String[] a) throws Exception {
        Path npz = Path.of(a[0]);
        int layers = Integer.parseInt(a[1]);
        double sat = 10000.0 / (1000 * 0.64);
        double[] z = new double[layers + 1];
        Arrays.fill(z, 12e-3);
        BenchDescription d = new BenchDescription("x", 120, 120, 8e-6, 532e-9, z, layers, 256, 1.0 / 42);
        Imperfections lab = Profiles.load("lab").withPhotons(0);
        SimulatedBench bench = new SimulatedBench(d, lab, new Propagator(FftBackends.java(), m -> { }));
        Holography holo = new Holography(3, layers + 2, true);
        BenchCalibration cal = BenchCalibration.measure(bench, holo, 8, 4);
        Readout readout = NominalModel.detectors343(120, 120, 8);
        ImageEncoder image = ImageEncoder.amplitude(84);
        BenchClassifier c = new BenchClassifier(bench, cal, image::encode, readout, org.phasor.train.loss.SoftmaxCrossEntropy.normalised(10));
        Dataset test = Datasets.shippedFashionMnistSubset().test();
        int nb = 100;
        Batch b = new Batch(Arrays.copyOf(test.features(), nb * 784), Arrays.copyOf(test.labels(), nb), 28, 28);
        Map<String, NpyArray> m = Npz.read(npz);
        for (String key : m.keySet()) {
            NpyArray arr = m.get(key);
            int n = 120 * 120;
            double[][] ph = new double[layers][];
            for (int l = 0; l < layers; l++) ph[l] = Arrays.copyOfRange(arr.data(), l * n, (l + 1) * n);
            for (int l = 1; l <= layers; l++) bench.program(l, cal.levels(l, ph[l - 1], 120, 120));
            Injection in = Injection.inputs(c.encode(b));
            StringBuilder sb = new StringBuilder(key + ":");
            for (int p = 1; p <= layers + 1; p++) {
                for (int ref = 0; ref < 2; ref++) {
                    bench.setReference(ref == 0 ? ReferenceArm.BLOCKED : ReferenceArm.at(Math.PI));
                    double[] v = bench.capture(in, p).values();
                    bench.setReference(ReferenceArm.at(0));
                    double[] w = ref == 1 ? bench.capture(in, p).values() : v;
                    double max = 0; long over = 0; double sum = 0;
                    for (int i = 0; i < v.length; i++) { double x = Math.max(v[i], w[i]); max = Math.max(max, x); if (x > sat) over++; sum += v[i]; }
                    sb.append(String.format(Locale.ROOT, " p%d%s max %.1f over %.2f%%%s", p, ref == 0 ? "" : "+ref", max, 100.0 * over / v.length,
                            ref == 0 ? String.format(Locale.ROOT, " (mean energy %.0f)", sum / nb) : ""));
                    if (p <= layers && ref == 0) continue;
                }
            }
            bench.setReference(ReferenceArm.BLOCKED);
            System.out.println(sb);
        }
    }
}
