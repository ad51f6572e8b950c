package org.switchboard.sip.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phones' registrations kept in a file under {@code data/}, so that after a restart the agents' phones are
 * rung at once rather than after they next register (up to an hour later). One line per phone: extension,
 * contact, expiry (epoch milliseconds) and source address, tab-separated; replaced whole, atomically.
 */
final class RegistrationFile {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationFile.class);

    private final Path file;

    RegistrationFile(Path file) {
        this.file = file;
    }

    /** The bindings an earlier run saved that have not expired yet; none when there is no readable file. */
    List<Registrations.Binding> load(AddressFactory addresses, long nowMillis) {
        List<Registrations.Binding> bindings = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return bindings;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length != 4) {
                    continue;
                }
                try {
                    long expires = Long.parseLong(fields[2]);
                    if (expires > nowMillis && addresses.createURI(fields[1]) instanceof SipURI contact) {
                        bindings.add(new Registrations.Binding(fields[0], contact, expires, fields[3]));
                    }
                } catch (ParseException | NumberFormatException e) {
                    LOG.debug("Saved registration '{}' skipped: {}", line, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Saved registrations in {} cannot be read ({}); phones are reached once they register again",
                    file, e.toString());
        }
        return bindings;
    }

    void save(Collection<Registrations.Binding> bindings) {
        StringBuilder text = new StringBuilder();
        for (Registrations.Binding binding : bindings) {
            text.append(binding.extension()).append('\t').append(binding.contact()).append('\t')
                    .append(binding.expiresAtMillis()).append('\t').append(binding.source()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Registrations cannot be saved to {}: {}", file, e.toString());
        }
    }
}
