package org.switchboard.sip.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.address.SipURI;

/** Where each extension's phone can be reached: the contact of its latest registration, until it expires. */
final class Registrations {

    /** One phone's registration. */
    record Binding(String extension, SipURI contact, long expiresAtMillis, String source) {
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();

    void bind(Binding binding) {
        bindings.put(binding.extension(), binding);
        changed.set(true);
    }

    void unbind(String extension) {
        if (bindings.remove(extension) != null) {
            changed.set(true);
        }
    }

    /** Whether a binding changed since the last call (and forgets it did). */
    boolean takeChanged() {
        return changed.getAndSet(false);
    }

    java.util.Collection<Binding> all() {
        return java.util.List.copyOf(bindings.values());
    }

    /** The phone of an extension, if it is registered and its registration has not expired. */
    Optional<Binding> find(String extension, long nowMillis) {
        Binding binding = bindings.get(extension);
        if (binding == null || binding.expiresAtMillis() <= nowMillis) {
            return Optional.empty();
        }
        return Optional.of(binding);
    }

    int size() {
        return bindings.size();
    }
}
