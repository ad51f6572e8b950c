package org.switchboard.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.acd.WideningStep;

/**
 * Generates a skills-based contact centre from a seed: agents with 2-6 skills (popular skills common, a long
 * tail of rare ones), levels skewed to the middle, mixed channel capacities; queues needing 1-2 skills at a
 * minimum level, every routing strategy, some widening. Same arguments, same centre.
 */
final class PopulationGenerator {

    /** Levels 1..10: most agents are average at a skill, few are experts. */
    private static final Popularity LEVELS = new Popularity(new double[] {6, 10, 14, 16, 15, 12, 10, 8, 5, 4});
    /** A queue's minimum level 1..6: most queues accept a beginner, a few want a specialist. */
    private static final Popularity MINIMUM_LEVELS = new Popularity(new double[] {30, 25, 20, 12, 8, 5});
    private static final List<Map<Channel, Integer>> CAPACITIES = List.of(Map.of(Channel.VOICE, 1),
            Map.of(Channel.VOICE, 1, Channel.CHAT, 3), Map.of(Channel.CHAT, 3), Map.of(Channel.EMAIL, 5, Channel.CHAT, 2));
    private static final Popularity CAPACITY_MIX = new Popularity(new double[] {45, 25, 20, 10});
    private static final List<Channel> QUEUE_CHANNELS = List.of(Channel.VOICE, Channel.CHAT, Channel.EMAIL);
    private static final Popularity QUEUE_CHANNEL_MIX = new Popularity(new double[] {50, 35, 15});
    /** Some queues attract more than their agents' share and some less, so lines differ in length. */
    private static final double IMBALANCE_SIGMA = 0.5;
    /** Longer than any wrap-up the driver takes, so wrap-up never times out. */
    private static final Duration WRAP_UP_LIMIT = Duration.ofSeconds(120);
    private static final Duration WIDEN_AFTER = Duration.ofSeconds(60);
    /**
     * The strategies that offer a contact to one chosen agent, spread evenly over the queues. Ring-all (one
     * contact offered to every able agent at once) is left out: it is a different cycle from the one driven here.
     */
    static final List<RoutingStrategy> STRATEGIES = List.of(RoutingStrategy.LONGEST_IDLE, RoutingStrategy.LEAST_OCCUPIED,
            RoutingStrategy.ROUND_ROBIN, RoutingStrategy.BEST_SKILL, RoutingStrategy.LINEAR, RoutingStrategy.RANDOM);

    private PopulationGenerator() {
    }

    static Population generate(int agentCount, int queueCount, int skillCount, long seed) {
        if (agentCount < 1 || queueCount < 1 || skillCount < 2) {
            throw new IllegalArgumentException("need agents >= 1, queues >= 1, skills >= 2");
        }
        Random random = new Random(seed);
        Popularity skills = Popularity.zipf(skillCount, 1.0);
        List<AgentProfile> agents = new ArrayList<>();
        for (int i = 1; i <= agentCount; i++) {
            agents.add(agent(i, skills, random));
        }
        List<QueueProfile> queues = new ArrayList<>();
        for (int q = 0; q < queueCount; q++) {
            queues.add(queue(q, agents, skills, random));
        }
        return new Population(agents, withArrivalRates(agents, queues, random), skillCount);
    }

    private static AgentProfile agent(int number, Popularity skills, Random random) {
        int count = Math.min(skills.size(), 2 + random.nextInt(5));
        Map<String, Integer> levels = new HashMap<>();
        while (levels.size() < count) {
            levels.putIfAbsent(skillName(skills.draw(random)), 1 + LEVELS.draw(random));
        }
        String login = String.format("agent-%05d", number);
        return new AgentProfile(login, "Agent " + number, "site-" + number % 10, Set.of(), levels,
                CAPACITIES.get(CAPACITY_MIX.draw(random)));
    }

    /** Draws requirements until enough agents could serve the queue, so no queue is served by nobody. */
    private static QueueProfile queue(int index, List<AgentProfile> agents, Popularity skills, Random random) {
        Channel channel = QUEUE_CHANNELS.get(QUEUE_CHANNEL_MIX.draw(random));
        int enough = Math.max(3, agents.size() / 500);
        List<SkillRequirement> requirements = List.of();
        int eligible = 0;
        for (int attempt = 0; attempt < 200 && eligible < enough; attempt++) {
            int count = random.nextDouble() < 0.6 ? 1 : 2;
            Set<String> names = new LinkedHashSet<>();
            while (names.size() < count) {
                names.add(skillName(skills.draw(random)));
            }
            requirements = names.stream().map(name -> new SkillRequirement(name, 1 + MINIMUM_LEVELS.draw(random)))
                    .toList();
            eligible = eligible(agents, channel, requirements);
        }
        if (eligible < enough) {
            requirements = List.of(new SkillRequirement(skillName(0), 1));
            eligible = eligible(agents, channel, requirements);
        }
        RoutingStrategy strategy = STRATEGIES.get(index % STRATEGIES.size());
        QueueDefinition definition = QueueDefinition.named(String.format("queue-%03d", index)).withStrategy(strategy)
                .withWrapUp(WRAP_UP_LIMIT).withBlending(channel == Channel.EMAIL)
                .withWidening(index % 4 == 3 ? List.of(new WideningStep(WIDEN_AFTER, 2, Set.of())) : List.of());
        return new QueueProfile(definition, channel, requirements, eligible, 0);
    }

    /**
     * Gives each queue the arrival rate that, at load 1, would keep its agents busy: every agent's slots of a
     * channel are shared evenly among the queues of that channel they can serve, then skewed per queue.
     */
    private static List<QueueProfile> withArrivalRates(List<AgentProfile> agents, List<QueueProfile> queues,
            Random random) {
        double[] share = new double[queues.size()];
        List<Integer> able = new ArrayList<>();
        for (AgentProfile agent : agents) {
            for (Channel channel : agent.capacity().keySet()) {
                able.clear();
                for (int q = 0; q < queues.size(); q++) {
                    QueueProfile queue = queues.get(q);
                    if (queue.channel() == channel && meets(agent, queue.requirements())) {
                        able.add(q);
                    }
                }
                for (int q : able) {
                    share[q] += agent.capacity(channel) / (double) able.size();
                }
            }
        }
        double[] skew = new double[queues.size()];
        Map<Channel, Double> sharesByChannel = new HashMap<>();
        Map<Channel, Double> skewedByChannel = new HashMap<>();
        for (int q = 0; q < queues.size(); q++) {
            skew[q] = Math.exp(IMBALANCE_SIGMA * random.nextGaussian());
            Channel channel = queues.get(q).channel();
            sharesByChannel.merge(channel, share[q], Double::sum);
            skewedByChannel.merge(channel, share[q] * skew[q], Double::sum);
        }
        List<QueueProfile> rated = new ArrayList<>();
        for (int q = 0; q < queues.size(); q++) {
            QueueProfile queue = queues.get(q);
            // The skew moves load between queues of a channel; the channel's total stays at its capacity.
            double normalised = skew[q] * sharesByChannel.get(queue.channel()) / skewedByChannel.get(queue.channel());
            double slotsInUse = share[q] * normalised;
            rated.add(new QueueProfile(queue.definition(), queue.channel(), queue.requirements(),
                    queue.eligibleAgents(), slotsInUse / ContactTimes.of(queue.channel()).slotSeconds()));
        }
        return rated;
    }

    private static int eligible(List<AgentProfile> agents, Channel channel, List<SkillRequirement> requirements) {
        int count = 0;
        for (AgentProfile agent : agents) {
            if (agent.capacity(channel) > 0 && meets(agent, requirements)) {
                count++;
            }
        }
        return count;
    }

    private static boolean meets(AgentProfile agent, List<SkillRequirement> requirements) {
        for (SkillRequirement requirement : requirements) {
            if (agent.level(requirement.skill()) < requirement.minimumLevel()) {
                return false;
            }
        }
        return true;
    }

    static String skillName(int index) {
        return String.format("skill-%02d", index);
    }
}
