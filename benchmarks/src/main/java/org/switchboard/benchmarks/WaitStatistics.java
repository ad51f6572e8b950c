package org.switchboard.benchmarks;

/** Turns the waits of measured calls into service level, ASA, P(wait) and a batch-means error of the SL. */
public final class WaitStatistics {

    private static final int BATCHES = 20;

    private final long targetNanos;
    private final long expectedCalls;
    private final long[] batchCalls = new long[BATCHES];
    private final long[] batchWithinTarget = new long[BATCHES];
    private long calls;
    private long withinTarget;
    private long waited;
    private double totalWaitSeconds;
    private double maxWaitSeconds;

    /** {@code expectedCalls} sets the batch size: call {@code i} of them goes to batch {@code i·20/expected}. */
    public WaitStatistics(double targetSeconds, long expectedCalls) {
        this.targetNanos = Math.round(targetSeconds * 1e9);
        this.expectedCalls = expectedCalls;
    }

    /** Records the wait of the measured call with arrival index {@code index} (0-based among measured calls). */
    public void record(long index, long waitNanos) {
        int batch = (int) Math.min(BATCHES - 1, index * BATCHES / expectedCalls);
        calls++;
        batchCalls[batch]++;
        if (waitNanos <= targetNanos) {
            withinTarget++;
            batchWithinTarget[batch]++;
        }
        if (waitNanos > 0) {
            waited++;
        }
        double seconds = waitNanos / 1e9;
        totalWaitSeconds += seconds;
        maxWaitSeconds = Math.max(maxWaitSeconds, seconds);
    }

    public long calls() {
        return calls;
    }

    public double serviceLevel() {
        return (double) withinTarget / calls;
    }

    public double averageSpeedOfAnswer() {
        return totalWaitSeconds / calls;
    }

    public double probabilityOfWait() {
        return (double) waited / calls;
    }

    public double maxWaitSeconds() {
        return maxWaitSeconds;
    }

    /** Standard error of the service level from the spread of 20 consecutive batches (waits are correlated). */
    public double serviceLevelStandardError() {
        double sum = 0;
        double sumSquares = 0;
        int used = 0;
        for (int b = 0; b < BATCHES; b++) {
            if (batchCalls[b] > 0) {
                double level = (double) batchWithinTarget[b] / batchCalls[b];
                sum += level;
                sumSquares += level * level;
                used++;
            }
        }
        if (used < 2) {
            return Double.NaN;
        }
        double mean = sum / used;
        double variance = (sumSquares - used * mean * mean) / (used - 1);
        return Math.sqrt(Math.max(0, variance) / used);
    }
}
