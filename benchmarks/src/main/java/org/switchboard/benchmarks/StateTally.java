package org.switchboard.benchmarks;

/** Means and peaks of the centre's state seen before each measured command: line length, free agents, busy slots. */
final class StateTally {

    private long samples;
    private long waitingSum;
    private long freeSum;
    private long busySlotsSum;
    private int maxWaiting;
    private int minFree = Integer.MAX_VALUE;
    private int maxFree;

    void add(int waiting, int freeAgents, long busySlots) {
        samples++;
        waitingSum += waiting;
        freeSum += freeAgents;
        busySlotsSum += busySlots;
        maxWaiting = Math.max(maxWaiting, waiting);
        minFree = Math.min(minFree, freeAgents);
        maxFree = Math.max(maxFree, freeAgents);
    }

    double meanWaiting() {
        return samples == 0 ? 0 : (double) waitingSum / samples;
    }

    int maxWaiting() {
        return maxWaiting;
    }

    double meanFreeAgents() {
        return samples == 0 ? 0 : (double) freeSum / samples;
    }

    int minFreeAgents() {
        return samples == 0 ? 0 : minFree;
    }

    int maxFreeAgents() {
        return maxFree;
    }

    double meanBusySlots() {
        return samples == 0 ? 0 : (double) busySlotsSum / samples;
    }
}
