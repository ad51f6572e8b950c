package org.switchboard.acd.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.InteractionSummary;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.rest.ProblemException;

/** Agents read the history of the customers they are serving; supervisors of any. */
public class CustomersResourceTest {

    private final Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private final CustomersResource resource = new CustomersResource();
    private final List<String> asked = new ArrayList<>();
    private final InteractionSummary past = new InteractionSummary("v-0", Channel.VOICE, "sales", "+74951110000",
            now.minusSeconds(86_400), now.minusSeconds(86_000), "boris", "sale", "paid");

    @Before
    public void wire() {
        Interaction offered = new Interaction("v-1", Channel.VOICE, "sales", 0, List.of(), "+74951110000",
                "+79161234567", Map.of(), now);
        resource.acd = (AcdService) Proxy.newProxyInstance(AcdService.class.getClassLoader(),
                new Class<?>[] {AcdService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "agent" -> "anna".equals(args[0]) ? Optional.of(new AgentView("anna", "Anna", null, null,
                            AgentState.RESERVED, null, now, 0, List.of("v-1"))) : Optional.empty();
                    case "interaction" -> "v-1".equals(args[0]) ? Optional.of(new InteractionView(offered,
                            InteractionState.OFFERED, List.of("anna"), now, now)) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        resource.history = (InteractionHistory) Proxy.newProxyInstance(InteractionHistory.class.getClassLoader(),
                new Class<?>[] {InteractionHistory.class}, (proxy, method, args) -> {
                    asked.add(args[0] + " " + args[1]);
                    return List.of(past);
                });
    }

    @Test
    public void anAgentReadsTheHistoryOfTheCustomerTheyAreOffered() {
        assertEquals(List.of(past), resource.interactions("+79161234567", 20, Callers.agent("anna")));
        assertEquals(List.of("+79161234567 20"), asked);
    }

    @Test
    public void anAgentMayNotBrowseOtherCustomers() {
        assertEquals(403, assertThrows(ProblemException.class,
                () -> resource.interactions("+70000000000", 20, Callers.agent("anna"))).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> resource.interactions("+79161234567", 20, Callers.agent("carl"))).status());
        assertEquals(List.of(), asked);
    }

    @Test
    public void aSupervisorReadsAnyCustomerWithinTheLimit() {
        resource.interactions("+70000000000", 100, Callers.named("sofia"));
        assertEquals(List.of("+70000000000 100"), asked);
        ProblemException tooMany = assertThrows(ProblemException.class,
                () -> resource.interactions("+70000000000", 101, Callers.named("sofia")));
        assertEquals("limit", tooMany.field());
    }
}
