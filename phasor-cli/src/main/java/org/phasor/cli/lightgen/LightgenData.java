package org.phasor.cli.lightgen;

/** Small conversions between the data module's float images and the metrics' double arrays. */
final class LightgenData {
    private LightgenData() {
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
