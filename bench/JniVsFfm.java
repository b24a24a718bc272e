import org.bytedeco.fftw.global.fftw3;
import org.bytedeco.javacpp.*;
import org.phasor.math.*;
import org.phasor.math.fft.*;
import java.lang.management.*;

/**
 * The two call paths to the same libfftw3f, per-item forward+inverse FFTs on one thread (thread CPU time, best
 * of REPS): org.bytedeco's JNI binding (fftw3.fftwf_execute_dft on FloatPointers) vs Phasor's java.lang.foreign
 * binding (Fft2.forwardSerial / inverseSerialUnscaled). Not part of the build (it needs the JNI classes, which
 * Phasor does not use); run after `./run-tests` or a package build:
 *
 *   . scripts/env.sh; M=~/.m2/repository/org/bytedeco
 *   CP=$M/fftw/3.3.10-1.5.10/fftw-3.3.10-1.5.10.jar:$M/fftw/3.3.10-1.5.10/fftw-3.3.10-1.5.10-linux-x86_64.jar:$M/javacpp/1.5.10/javacpp-1.5.10.jar:phasor-core/target/classes:phasor-native/target/classes
 *   javac -cp $CP -d /tmp/jni bench/JniVsFfm.java && java --enable-native-access=ALL-UNNAMED -cp /tmp/jni:$CP JniVsFfm N BATCH REPS
 */
public class JniVsFfm {
  static ThreadMXBean tm = ManagementFactory.getThreadMXBean();
  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]), batch = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
    Loader.load(fftw3.class);
    long per = (long) n * n;
    FloatPointer buf = new FloatPointer(fftw3.fftwf_malloc(8L * per * batch));
    for (long i = 0; i < 2 * per * batch; i++) buf.put(i, (float) Math.random());
    fftw3.fftwf_plan_with_nthreads(1);
    fftw3.fftwf_plan fw = fftw3.fftwf_plan_dft_2d(n, n, buf, buf, fftw3.FFTW_FORWARD, (int) fftw3.FFTW_MEASURE);
    fftw3.fftwf_plan bw = fftw3.fftwf_plan_dft_2d(n, n, buf, buf, fftw3.FFTW_BACKWARD, (int) fftw3.FFTW_MEASURE);
    FloatPointer[] items = new FloatPointer[batch];
    for (int b = 0; b < batch; b++) items[b] = new FloatPointer(buf).position(2 * per * b);
    Runnable jni = () -> { for (int b = 0; b < batch; b++) { fftw3.fftwf_execute_dft(fw, items[b], items[b]); fftw3.fftwf_execute_dft(bw, items[b], items[b]); } };
    Fft2 f = FftBackends.select("fftw", s -> {}).plan(n, n, Precision.SINGLE);
    ComplexArray arr = ComplexArray.zeros(Precision.SINGLE, batch, n, n);
    for (long i = 0; i < arr.size(); i++) arr.set(i, Math.random(), Math.random());
    Runnable ffm = () -> { f.forwardSerial(arr); f.inverseSerialUnscaled(arr); };
    for (int round = 0; round < 3; round++) {
      System.out.printf("n=%d batch=%d  jni %.4f ms  ffm %.4f ms  (thread CPU per batch pair, best of %d)%n", n, batch, time(jni, reps), time(ffm, reps), reps);
    }
  }
  static double time(Runnable r, int reps) {
    for (int i = 0; i < reps; i++) r.run();
    double best = 1e300;
    for (int i = 0; i < reps; i++) { long t0 = tm.getCurrentThreadCpuTime(); r.run(); best = Math.min(best, (tm.getCurrentThreadCpuTime() - t0) * 1e-6); }
    return best;
  }
}
