package org.switchboard.acd.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdListener;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/**
 * Distribution events as a server-sent event stream, each event named after its type (Offered, Accepted,
 * AgentStateChanged, ...) with its JSON; {@code queue} and {@code agent} narrow the stream.
 */
@Component(service = {EventStreamResource.class, AcdListener.class})
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/events")
@Tag(name = "events")
public class EventStreamResource implements AcdListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamResource.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    /** One open stream and what it asked for. */
    private record Subscriber(SseEventSink sink, Sse sse, EventFilter filter) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live distribution events (server-sent events); filter with ?queue= and ?agent= (agents: their own);"
            + " ?presence=true: only agents' state changes, for everyone")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @QueryParam("queue") String queue,
            @QueryParam("agent") String agent, @QueryParam("presence") boolean presence,
            @Context SecurityContext caller) {
        if (!presence && !caller.isUserInRole(Role.SUPERVISOR.realmName())) {
            // Agents follow their own events, and everyone's presence; supervisors anything.
            AgentsResource.mayActFor(agent == null ? "" : agent, caller);
        }
        subscribers.add(new Subscriber(sink, sse, new EventFilter(queue, agent, presence)));
        sink.send(sse.newEventBuilder().name("Subscribed").data("{}").build());
    }

    @Override
    public void onEvent(AcdEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String data;
        try {
            data = JSON.writeValueAsString(event);
        } catch (Exception e) {
            LOG.error("Cannot write {} as JSON", event, e);
            return;
        }
        String name = event.getClass().getSimpleName();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                subscribers.remove(subscriber);
            } else if (subscriber.filter().accepts(event)) {
                subscriber.sink().send(subscriber.sse().newEventBuilder().name(name)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build())
                        .exceptionally(failure -> {
                            subscribers.remove(subscriber);
                            return null;
                        });
            }
        }
    }

    @Deactivate
    void closeStreams() {
        subscribers.forEach(subscriber -> subscriber.sink().close());
        subscribers.clear();
    }
}
