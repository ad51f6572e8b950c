package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.acd.InteractionSummary;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** A customer's past interactions for the agent's screen pop: agents for the customers they are serving. */
@Component(service = CustomersResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/customers")
@Tag(name = "customers")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.AGENT)
public class CustomersResource {

    static final int MAX_LIMIT = 100;

    @Reference
    AcdService acd;

    @Reference
    InteractionHistory history;

    @GET
    @Path("{customer}/interactions")
    @Operation(summary = "A customer's interactions (by phone, address or chat id), newest first: channel, queue, entry"
            + " point, start, end, agent, disposition and note; agents only for a customer of a contact they hold")
    public List<InteractionSummary> interactions(@PathParam("customer") String customer,
            @QueryParam("limit") @DefaultValue("20") int limit, @Context SecurityContext caller) {
        int rows = Check.range("limit", limit, 1, MAX_LIMIT, 20);
        if (!caller.isUserInRole(Role.SUPERVISOR.realmName()) && !serving(caller.getUserPrincipal().getName(), customer)) {
            throw new ProblemException(403, "Forbidden", "Agents see the history of the customers of the contacts"
                    + " they hold; supervisors see any", null);
        }
        return history.customerInteractions(customer, rows);
    }

    /** Whether the agent holds (offered, in conversation or wrap-up) a contact of this customer now. */
    private boolean serving(String agent, String customer) {
        List<String> held = acd.agent(agent).map(AgentView::interactions).orElse(List.of());
        return held.stream().map(acd::interaction).flatMap(java.util.Optional::stream)
                .map(InteractionView::interaction).anyMatch(contact -> Objects.equals(contact.customer(), customer));
    }
}
