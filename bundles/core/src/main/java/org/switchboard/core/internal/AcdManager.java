package org.switchboard.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdListener;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateEntry;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.CallbackPlacer;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueFigures;
import org.switchboard.api.acd.QueueView;
import org.switchboard.api.acd.ServiceLevel;
import org.switchboard.api.acd.WaitEstimate;
import org.switchboard.api.store.ContactStore;
import org.switchboard.api.store.KeptContacts;
import org.switchboard.api.store.QueuedContact;
import org.switchboard.core.acd.AcdEngine;
import org.switchboard.core.acd.FiguresBook;

/**
 * Runs the distribution engine on one writer thread: every command, and every time-out at the engine's next
 * deadline, is applied there in order. Queues come from the configuration store at start; contacts still in
 * line come back from the live store (after a restart of this bundle) and from the database (after a restart
 * of the appliance); agents signed in come back from their state log.
 */
@Component(service = AcdService.class, configurationPid = AcdConfig.PID)
@Designate(ocd = AcdConfig.class)
public class AcdManager implements AcdService {

    private static final Logger LOG = LoggerFactory.getLogger(AcdManager.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final String RESTART = "restart";

    @Reference
    AcdConfigStore config;

    @Reference(target = AcdConfig.LOCAL_STORE)
    ContactStore store;

    private final CallbackDialing callbacks = new CallbackDialing();
    private volatile KeptContacts kept;
    /** Whether contacts kept in the database have been put back in line (once, as soon as they are there). */
    private boolean contactsRestored;

    private volatile InteractionHistory history;
    /** Whether agents signed in before the last stop have been signed in again (once, as soon as history is there). */
    private boolean restored;

    private final ListenerFanOut listeners = new ListenerFanOut();
    private volatile ScheduledExecutorService writer;
    private AcdEngine engine;
    private FiguresBook figures;
    private ScheduledFuture<?> nextTimeout;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindHistory(InteractionHistory recorded) {
        history = recorded;
        ScheduledExecutorService running = writer;
        if (running != null && !running.isShutdown()) {
            running.execute(() -> afterwardsRearm(this::restoreSignedInAgents));
        }
    }

    void unbindHistory(InteractionHistory recorded) {
        if (history == recorded) {
            history = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindKept(KeptContacts durable) {
        kept = durable;
        ScheduledExecutorService running = writer;
        if (running != null && !running.isShutdown()) {
            running.execute(() -> afterwardsRearm(this::restoreKeptContacts));
        }
    }

    void unbindKept(KeptContacts durable) {
        if (kept == durable) {
            kept = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindPlacer(CallbackPlacer placer) {
        callbacks.placer(placer);
    }

    void unbindPlacer(CallbackPlacer placer) {
        callbacks.unbind(placer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(AcdListener listener) {
        listeners.add(listener);
    }

    void removeListener(AcdListener listener) {
        listeners.remove(listener);
    }

    @Activate
    void activate() {
        writer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "switchboard-acd"));
        Clock clock = Clock.systemDefaultZone();
        figures = new FiguresBook(clock, queue -> engine.queue(queue)
                .map(view -> view.definition().serviceLevel()).orElse(ServiceLevel.DEFAULT));
        engine = new AcdEngine(clock, event -> {
            figures.record(event);
            listeners.publish(event);
        }, new Random(), store);
        List<QueueDefinition> queues = config.queues();
        call(() -> {
            queues.forEach(engine::defineQueue);
            restoreSignedInAgents();
            List<QueuedContact> live = store.contacts();
            engine.restore(live);
            if (!live.isEmpty()) {
                LOG.info("{} contacts put back in line from the live store", live.size());
            }
            restoreKeptContacts();
            return null;
        });
        LOG.info("Contact distribution started with {} queues", queues.size());
    }

    /**
     * On the writer thread, once: puts back in line the contacts the database kept (those that outlive the
     * process: chats, e-mails, messages, callbacks) at their places; those the live store had are skipped.
     */
    private void restoreKeptContacts() {
        KeptContacts durable = kept;
        if (contactsRestored || durable == null) {
            return;
        }
        contactsRestored = true;
        List<QueuedContact> pending = durable.pending();
        engine.restore(pending);
        LOG.info("{} contacts kept in the database are in line again", pending.size());
    }

    /**
     * On the writer thread, once: signs in again each configured agent whose last recorded state was not
     * LOGGED_OUT. Runs at start, or when the history service arrives after distribution started.
     */
    private void restoreSignedInAgents() {
        InteractionHistory recorded = history;
        if (restored || recorded == null) {
            return;
        }
        restored = true;
        List<AgentStateEntry> signedIn = config.agents().stream()
                .flatMap(profile -> recorded.agentStates(profile.login(), 1).stream())
                .filter(last -> last.to() != AgentState.LOGGED_OUT && engine.agent(last.agent()).isEmpty())
                .toList();
        signedIn.forEach(this::restore);
        LOG.info("{} agents signed in again as they were before the last stop", signedIn.size());
    }

    /**
     * Signs an agent in again as they were: ready stays ready and a not-ready reason is kept; work in hand
     * did not survive the restart, so an agent who had some comes back not ready with the reason "restart".
     */
    private void restore(AgentStateEntry last) {
        config.agent(last.agent()).ifPresent(profile -> {
            engine.login(profile, last.extension());
            switch (last.to()) {
                case READY -> engine.ready(profile.login());
                case NOT_READY -> engine.notReady(profile.login(), last.reason());
                default -> engine.notReady(profile.login(), RESTART);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        listeners.close();
        callbacks.close();
    }

    @Override
    public List<QueueView> queues() {
        return read(engine::queues);
    }

    @Override
    public Optional<QueueView> queue(String name) {
        return read(() -> engine.queue(name));
    }

    @Override
    public Optional<QueueFigures> figures(String queue) {
        return read(() -> engine.queue(queue).map(view -> figures.figures(queue, view.waiting().size(),
                engine.longestWaitingSince(queue))));
    }

    @Override
    public List<AgentView> agents() {
        return read(engine::agents);
    }

    @Override
    public Optional<AgentView> agent(String login) {
        return read(() -> engine.agent(login));
    }

    @Override
    public void defineQueue(QueueDefinition definition) {
        run(() -> engine.defineQueue(definition));
    }

    @Override
    public void removeQueue(String name) {
        run(() -> engine.removeQueue(name));
    }

    @Override
    public void login(AgentProfile profile, String extension) {
        run(() -> engine.login(profile, extension));
    }

    @Override
    public void logout(String login) {
        run(() -> engine.logout(login));
    }

    @Override
    public void ready(String login) {
        run(() -> engine.ready(login));
    }

    @Override
    public void notReady(String login, String reason) {
        run(() -> engine.notReady(login, reason));
    }

    @Override
    public boolean submit(Interaction interaction) {
        return call(() -> engine.submit(interaction));
    }

    @Override
    public boolean submitTo(Interaction interaction, String login) {
        return call(() -> engine.submitTo(interaction, login));
    }

    @Override
    public void requestCallback(String interactionId, String number) {
        run(() -> engine.requestCallback(interactionId, number));
    }

    @Override
    public Optional<InteractionView> interaction(String interactionId) {
        return read(() -> engine.view(interactionId));
    }

    @Override
    public Optional<WaitEstimate> estimate(String interactionId) {
        return read(() -> engine.queueOf(interactionId)
                .flatMap(queue -> engine.estimate(interactionId, figures.recentHandleTime(queue))));
    }

    @Override
    public void accept(String interactionId, String login) {
        Interaction accepted = call(() -> {
            engine.accept(interactionId, login);
            return engine.interaction(interactionId).orElseThrow();
        });
        if (accepted.channel() == Channel.CALLBACK) {
            callbacks.dial(accepted, login);
        }
    }

    @Override
    public void decline(String interactionId, String login) {
        run(() -> engine.decline(interactionId, login));
    }

    @Override
    public void end(String interactionId) {
        run(() -> engine.end(interactionId));
    }

    @Override
    public void extendWrapUp(String interactionId, Duration more) {
        run(() -> engine.extendWrapUp(interactionId, more));
    }

    @Override
    public void complete(String interactionId, String disposition, String note) {
        run(() -> engine.complete(interactionId, disposition, note));
    }

    @Override
    public void abandon(String interactionId) {
        run(() -> engine.abandon(interactionId));
    }

    @Override
    public void move(String interactionId, String queue, int priority) {
        run(() -> engine.move(interactionId, queue, priority));
    }

    @Override
    public void drop(String interactionId) {
        run(() -> engine.drop(interactionId));
    }

    @Override
    public void pull(String interactionId, String login) {
        run(() -> engine.pull(interactionId, login));
    }

    @Override
    public void redirect(String interactionId, String from, String to) {
        run(() -> engine.redirect(interactionId, from, to));
    }

    @Override
    public void updateAgent(AgentProfile profile) {
        run(() -> engine.updateAgent(profile));
    }

    private void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    /** Applies a command on the writer thread, then re-arms the time-out for the engine's next deadline. */
    private <T> T call(Callable<T> command) {
        return onWriter(() -> {
            try {
                return command.call();
            } finally {
                scheduleNextTimeout();
            }
        });
    }

    /** Runs work already on the writer thread, then re-arms the time-out: the work may have made offers. */
    private void afterwardsRearm(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // An executor would swallow it: say what failed.
            LOG.error("Restoring distribution's state failed", e);
        } finally {
            scheduleNextTimeout();
        }
    }

    /** Reads on the writer thread, where the engine's state is consistent; nothing changes, no time-out to re-arm. */
    private <T> T read(Callable<T> query) {
        return onWriter(query);
    }

    private <T> T onWriter(Callable<T> work) {
        try {
            return writer.submit(work).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Distribution did not answer within " + COMMAND_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for distribution", e);
        }
    }

    private void scheduleNextTimeout() {
        if (nextTimeout != null) {
            nextTimeout.cancel(false);
        }
        Optional<Instant> deadline = engine.nextDeadline();
        if (deadline.isPresent()) {
            long delay = Math.max(0, Duration.between(Instant.now(), deadline.get()).toMillis());
            nextTimeout = writer.schedule(() -> {
                try {
                    engine.advance();
                } catch (AcdConflictException | IllegalStateException e) {
                    LOG.error("Time-out handling failed", e);
                } finally {
                    scheduleNextTimeout();
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }
}
