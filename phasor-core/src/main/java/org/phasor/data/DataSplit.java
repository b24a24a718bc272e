package org.phasor.data;

/**
 * A training set and a test set of the same kind of samples.
 *
 * @param train  training samples
 * @param test   held-out test samples
 * @param source one line saying where the data came from (directory, Debian package, shipped subset)
 */
public record DataSplit(Dataset train, Dataset test, String source) {
    public DataSplit {
        if (train.rows() != test.rows() || train.cols() != test.cols()
                || !train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(source + ": train (" + train + ") and test (" + test
                    + ") differ in sample shape or classes");
        }
    }

    @Override
    public String toString() {
        return source + ": " + train.size() + " train / " + test.size() + " test samples of " + train.rows() + "x"
                + train.cols() + ", " + train.numClasses() + " classes";
    }
}
