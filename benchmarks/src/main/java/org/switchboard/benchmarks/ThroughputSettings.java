package org.switchboard.benchmarks;

/**
 * One throughput run: the nominal load (1 = arrivals that would keep every slot busy), the simulated time to
 * run before measuring and a wall-time cap on it, how many decisions to measure and a wall-time cap on that,
 * and the seed.
 */
record ThroughputSettings(double load, double warmUpSeconds, double maxWarmUpWallSeconds, long decisions,
        double maxMeasureSeconds, long seed) {

    ThroughputSettings {
        if (!(load > 0) || warmUpSeconds < 0 || maxWarmUpWallSeconds < 0 || decisions < 1 || !(maxMeasureSeconds > 0)) {
            throw new IllegalArgumentException("need load > 0, warm-up >= 0, decisions >= 1, wall caps > 0");
        }
    }
}
