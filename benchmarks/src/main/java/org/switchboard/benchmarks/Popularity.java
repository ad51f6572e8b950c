package org.switchboard.benchmarks;

import java.util.Arrays;
import java.util.Random;

/** Draws indexes 0..n-1 with given weights (a cumulative table and a binary search). */
final class Popularity {

    private final double[] cumulative;

    Popularity(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("need at least one weight");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weights must be >= 0, was " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
    }

    /** Zipf weights 1/(rank+1)^exponent: a few very common items and a long tail of rare ones. */
    static Popularity zipf(int n, double exponent) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
        }
        return new Popularity(weights);
    }

    int size() {
        return cumulative.length;
    }

    int draw(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, target);
        // binarySearch answers -(insertion point) - 1 when the target falls between two entries.
        int index = at >= 0 ? at + 1 : -at - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
