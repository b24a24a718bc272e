package org.phasor.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reader for the Iris data set as CSV: four numeric columns (sepal length, sepal width, petal length,
 * petal width, in cm) and the species. An optional header line is skipped; species may be written
 * {@code setosa} or {@code Iris-setosa}. The result is a {@link Dataset} of 150 samples of {@code 1 × 4} raw
 * features (not scaled: see {@link Dataset#minMaxScaled()}), labels 0 = setosa, 1 = versicolor, 2 = virginica.
 *
 * <p>The copy shipped with Phasor ({@code data/iris.csv}, bundled in the jar) is Fisher's 1936 data as
 * distributed by scikit-learn, i.e. with the two corrections to the UCI file (samples 35 and 38).
 */
public final class IrisCsv {
    /** Class names in label order. */
    public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");
    /** Feature (column) names. */
    public static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    private static final String RESOURCE = "/org/phasor/data/shipped/iris.csv";

    private IrisCsv() {
    }

    /** The shipped 150-row Iris data set. */
    public static Dataset shipped() {
        try (InputStream in = IrisCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped Iris data " + RESOURCE + " is missing from the class path");
            }
            return read(in, "iris.csv (shipped)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an Iris CSV file. */
    public static Dataset read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads Iris CSV from a stream; {@code name} appears in error messages together with the line number. */
    public static Dataset read(InputStream in, String name) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split(",");
            if (lineNo == 1 && !looksNumeric(parts[0])) {
                continue; // header
            }
            if (parts.length != 5) {
                throw new IOException(name + ":" + lineNo + ": expected 5 comma-separated values (4 features and the species), got "
                        + parts.length);
            }
            float[] f = new float[4];
            for (int k = 0; k < 4; k++) {
                try {
                    f[k] = Float.parseFloat(parts[k].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(name + ":" + lineNo + ": " + FEATURES.get(k) + " is not a number: '" + parts[k] + "'");
                }
            }
            String sp = parts[4].strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (sp.startsWith("iris-")) {
                sp = sp.substring(5);
            }
            int label = CLASSES.indexOf(sp);
            if (label < 0) {
                throw new IOException(name + ":" + lineNo + ": unknown species '" + parts[4].strip() + "' (expected one of " + CLASSES + ")");
            }
            rows.add(f);
            labels.add(label);
        }
        if (rows.isEmpty()) {
            throw new IOException(name + ": no data rows");
        }
        float[] features = new float[4 * rows.size()];
        int[] lab = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, features, 4 * i, 4);
            lab[i] = labels.get(i);
        }
        return new Dataset("Iris (" + name + ")", features, lab, 1, 4, CLASSES);
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
