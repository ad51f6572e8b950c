package org.switchboard.sip.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdListener;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.CallbackPlacer;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.voice.CallControl;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.Recording;
import org.switchboard.api.media.RecordingIndex;
import org.switchboard.api.voicemail.Voicemail;
import org.switchboard.api.voicemail.VoicemailStore;

/**
 * The appliance's SIP endpoint (JAIN-SIP over UDP and TCP): phones register with it, callers' INVITEs are
 * answered by the B2BUA, and distribution's offers ring the agents' phones.
 */
@Component(service = {}, immediate = true, configurationPid = SipConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SipConfig.class)
public class SipGateway implements AcdListener {

    private static final Logger LOG = LoggerFactory.getLogger(SipGateway.class);

    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    @Reference
    private MediaService media;

    @Reference
    private AcdService acd;

    @Reference
    private FlowService flows;

    private SipStack stack;
    private SipProvider provider;
    private SipMessages messages;
    private Registrar registrar;
    private B2bua calls;
    private CallAudit audit;
    private CallTable table;
    private PhoneLines phones;
    private CallCommands commands;
    private SipEvents events;
    private KeyedExecutor lanes;
    private AuthThrottle throttle;
    private ScheduledExecutorService housekeeping;
    private ServiceRegistration<AcdListener> listening;
    private ServiceRegistration<CallControl> controlling;
    private ServiceRegistration<CallbackPlacer> placing;
    private BundleContext context;
    private Registrations registrations;
    private RegistrationFile registrationFile;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RecordingIndex recordingIndex;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile VoicemailStore voicemails;

    private final java.util.List<Trunk> trunks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Trunk, TrunkRegistration> trunkRegistrations = new ConcurrentHashMap<>();
    private gov.nist.javax.sip.clientauthutils.AuthenticationHelper authentication;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTrunk(Trunk trunk) {
        trunks.add(trunk);
        offerCallbacks();
        registerWith(trunk);
    }

    void removeTrunk(Trunk trunk) {
        trunks.remove(trunk);
        offerCallbacks();
        TrunkRegistration registration = trunkRegistrations.remove(trunk);
        if (registration != null) {
            registration.stop();
        }
    }

    /** Registers with a trunk that asks for it, once the endpoint runs. */
    private synchronized void registerWith(Trunk trunk) {
        if (context == null || !trunk.register() || trunkRegistrations.containsKey(trunk)) {
            return;
        }
        TrunkRegistration registration = new TrunkRegistration(trunk, provider, messages, authentication, housekeeping);
        trunkRegistrations.put(trunk, registration);
        registration.start();
    }

    private TrunkRegistration registrationOf(javax.sip.message.Message message) {
        String callId = ((javax.sip.header.CallIdHeader) message.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        for (TrunkRegistration registration : trunkRegistrations.values()) {
            if (registration.callId().equals(callId)) {
                return registration;
            }
        }
        return null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPhone(PhoneAccount phone) {
        passwords.put(phone.extension(), phone.password());
    }

    void removePhone(PhoneAccount phone) {
        passwords.remove(phone.extension(), phone.password());
    }

    @Activate
    void activate(SipConfig config, BundleContext context) throws Exception {
        housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sip-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        CallerSources callers = CallerSources.parse(config.callers_from());
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        stack = factory.createSipStack(stackProperties());
        FaultAnswering.install(stack);
        try {
            ListeningPoint udp = stack.createListeningPoint(config.address(), config.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(config.address(), config.port(), ListeningPoint.TCP);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            messages = new SipMessages(factory, config.address(), config.port());
            throttle = new AuthThrottle(config.auth_max_failures(), 60_000, config.auth_block_seconds() * 1000L);
            Registrations registrations = new Registrations();
            registrationFile = new RegistrationFile(Paths.get(System.getProperty("karaf.data", "data"), "sip",
                    "registrations"));
            registrationFile.load(messages.addresses, System.currentTimeMillis()).forEach(registrations::bind);
            registrations.takeChanged();
            LOG.info("{} phone registrations still valid from before", registrations.size());
            this.registrations = registrations;
            registrar = new Registrar(messages, new DigestAuthenticator(config.realm()), throttle, registrations,
                    passwords::get, config.registration_max_expires());
            lanes = new KeyedExecutor("sip-call", 8);
            authentication = ((gov.nist.javax.sip.SipStackExt) stack).getAuthenticationHelper(new TrunkAccounts(trunks),
                    messages.headers);
            table = new CallTable();
            phones = new PhoneLines();
            CallContext calling = new CallContext(provider, messages, new Signalling(provider, messages, housekeeping),
                    housekeeping, lanes, table, phones);
            calls = new B2bua(calling, media, acd, flows, registrations, registrar,
                    new CallSettings(config.max_calls(), config.max_call_rate(), config.overload_lag_ms(),
                            config.hold_music(), recordingFolder(config.recordings_directory()), config.pickup_prefix()),
                    this::index, this::keep, authentication,
                    new ParkingLot(config.park_extension(), config.park_first_slot(), config.park_slots()),
                    source -> callers.allows(source) || trunkHosts().contains(source),
                    new OutsideLines(() -> List.copyOf(trunks), registrar::hasAccount, provider, messages));
            commands = new CallCommands(calls, calling, acd);
            audit = new CallAudit(table, phones, lanes, acd, java.time.Duration.ofSeconds(config.call_inactivity_seconds()),
                    calls.stale());
            events = new SipEvents(calling, registrar, calls, this::registrationOf);
            provider.addSipListener(events);
            stack.start();
        } catch (Exception e) {
            housekeeping.shutdownNow();
            try {
                stop();
            } catch (RuntimeException cleanUp) {
                // JAIN-SIP's UDP processor may fail while stopping a half-started stack; keep the first cause in view.
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
        housekeeping.scheduleWithFixedDelay(() -> throttle.forgetOlderThan(System.currentTimeMillis() - 3_600_000),
                10, 10, TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(this::saveRegistrations, 5, 5, TimeUnit.SECONDS);
        audit.start(housekeeping);
        // Registered by hand, once active: as a declared service it would make a cycle with distribution, which
        // this component references and which binds every listener as it starts.
        listening = context.registerService(AcdListener.class, this, null);
        controlling = context.registerService(CallControl.class, commands, null);
        synchronized (this) {
            this.context = context;
        }
        offerCallbacks();
        trunks.forEach(this::registerWith);
        LOG.info("SIP endpoint listening at {}:{} (UDP and TCP); at most {} calls", config.address(), config.port(),
                config.max_calls());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        trunkRegistrations.values().forEach(TrunkRegistration::stop);
        trunkRegistrations.clear();
        synchronized (this) {
            context = null;
            if (placing != null) {
                placing.unregister();
                placing = null;
            }
        }
        if (controlling != null) {
            controlling.unregister();
        }
        if (listening != null) {
            listening.unregister();
        }
        if (audit != null) {
            audit.stop();
        }
        if (calls != null) {
            calls.hangUpAll();
        }
        if (lanes != null) {
            lanes.shutdown();
        }
        // Lists the recordings of the calls just ended before stopping.
        housekeeping.shutdown();
        housekeeping.awaitTermination(5, TimeUnit.SECONDS);
        saveRegistrations();
        stop();
        LOG.info("SIP endpoint stopped");
    }

    private void stop() {
        if (stack == null) {
            return;
        }
        try {
            if (provider != null) {
                if (events != null) {
                    provider.removeSipListener(events);
                }
                stack.deleteSipProvider(provider);
            }
            java.util.Iterator<?> points = stack.getListeningPoints();
            List<ListeningPoint> all = new java.util.ArrayList<>();
            points.forEachRemaining(point -> all.add((ListeningPoint) point));
            for (ListeningPoint point : all) {
                stack.deleteListeningPoint(point);
            }
        } catch (javax.sip.ObjectInUseException e) {
            LOG.warn("SIP listening points could not be closed cleanly: {}", e.toString());
        }
        stack.stop();
        // Without this the factory keeps the stopped stack and a reinstalled bundle cannot create a new one.
        SipFactory.getInstance().resetFactory();
        stack = null;
    }

    private static Properties stackProperties() {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "switchboard");
        // A B2BUA makes its dialogs itself; events are handed to per-call lanes, which restore order.
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "gov.nist.javax.sip.stack.NioMessageProcessorFactory");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        properties.setProperty("gov.nist.javax.sip.MAX_LISTENER_RESPONSE_TIME", "30");
        properties.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // The stack logs through the log4j API, which Karaf routes to its own log (levels in org.ops4j.pax.logging.cfg).
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        return properties;
    }

    static Path recordingFolder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        return Paths.get(System.getProperty("karaf.data", "data"), "recordings").toAbsolutePath().normalize();
    }

    /**
     * Places callbacks only while a trunk is configured: without one, distribution's own fallback (the agent
     * dials by hand) applies, and another placer may serve.
     */
    private synchronized void offerCallbacks() {
        if (context != null && !trunks.isEmpty() && placing == null) {
            placing = context.registerService(CallbackPlacer.class, this::placeCallback, null);
        } else if (trunks.isEmpty() && placing != null) {
            placing.unregister();
            placing = null;
        }
    }

    /** The addresses of the trunks' hosts, whose calls are accepted without authentication. */
    private java.util.Set<String> trunkHosts() {
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (Trunk trunk : trunks) {
            hosts.add(trunk.address());
        }
        return hosts;
    }

    /** Calls back through the first trunk configured. */
    private void placeCallback(Interaction callback, String agent) {
        List<Trunk> current = List.copyOf(trunks);
        if (current.isEmpty()) {
            LOG.info("Callback {} to {} accepted by {}: the SIP trunk is gone, the agent dials", callback.id(),
                    callback.customer(), agent);
            return;
        }
        calls.placeCallback(callback, agent, current.get(0));
    }

    /** Saves the phones' registrations when they changed (every few seconds, off the SIP threads). */
    private void saveRegistrations() {
        if (registrations != null && registrations.takeChanged()) {
            registrationFile.save(registrations.all());
        }
    }

    /** Lists a finished recording, off the call's lane: the database must not hold up calls. */
    private void keep(Voicemail message) {
        housekeeping.execute(() -> {
            VoicemailStore current = voicemails;
            if (current == null) {
                LOG.warn("Message {} for {} is not kept: no voicemail store ({})", message.id(), message.mailbox(),
                        message.file());
                return;
            }
            try {
                current.add(message);
            } catch (RuntimeException e) {
                LOG.error("Message {} for {} could not be kept; the file is {}", message.id(), message.mailbox(),
                        message.file(), e);
            }
        });
    }

    private void index(Recording recording) {
        housekeeping.execute(() -> {
            RecordingIndex current = recordingIndex;
            if (current == null) {
                LOG.warn("Recording {} of call {} is not listed: no recording index ({})", recording.id(),
                        recording.interactionId(), recording.file());
                return;
            }
            try {
                current.add(recording);
            } catch (RuntimeException e) {
                LOG.error("Recording {} of call {} could not be listed; the file is {}", recording.id(),
                        recording.interactionId(), recording.file(), e);
            }
        });
    }

    // ---- distribution ---------------------------------------------------------------------------------------

    @Override
    public void onEvent(AcdEvent event) {
        B2bua current = calls;
        if (current != null) {
            current.distribution(event);
        }
    }
}
