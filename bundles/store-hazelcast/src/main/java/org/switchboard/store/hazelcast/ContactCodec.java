package org.switchboard.store.hazelcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.switchboard.api.store.QueuedContact;

/**
 * Contacts as JSON text in the cluster's maps: readable by every member whatever its class loaders, and
 * tolerant of fields added by a newer member.
 */
final class ContactCodec {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String encode(QueuedContact contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    QueuedContact decode(String text) {
        try {
            return json.readValue(text, QueuedContact.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
