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

    void bind(Binding binding) {
        bindings.put(binding.extension(), binding);
    }

    void unbind(String extension) {
        bindings.remove(extension);
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
