package org.switchboard.acd.rest;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueView;

/**
 * Distribution as far as the resource tests need it: queues, signed-in agents, queue removal refused while
 * contacts wait. A proxy, so the stub keeps compiling while the service gains commands it does not use.
 */
final class StubAcd {

    final Map<String, QueueView> queues = new HashMap<>();
    final Map<String, AgentView> agents = new HashMap<>();
    final List<String> removed = new ArrayList<>();

    final AcdService service = (AcdService) Proxy.newProxyInstance(AcdService.class.getClassLoader(),
            new Class<?>[] {AcdService.class}, (proxy, method, args) -> switch (method.getName()) {
                case "queue" -> Optional.ofNullable(queues.get((String) args[0]));
                case "queues" -> List.copyOf(queues.values());
                case "agent" -> Optional.ofNullable(agents.get((String) args[0]));
                case "defineQueue" -> define((QueueDefinition) args[0]);
                case "removeQueue" -> remove((String) args[0]);
                case "updateAgent" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private Object define(QueueDefinition definition) {
        queues.put(definition.name(), new QueueView(definition, List.of()));
        return null;
    }

    private Object remove(String name) {
        QueueView queue = queues.get(name);
        if (queue != null && !queue.waiting().isEmpty()) {
            throw new AcdConflictException("Queue '" + name + "' still has contacts in distribution", null);
        }
        queues.remove(name);
        removed.add(name);
        return null;
    }
}
