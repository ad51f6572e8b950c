package org.switchboard.api.store;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The contacts in line that the database keeps across a restart of the appliance: every one that can
 * outlive the process (chats, e-mails, messages, callbacks; not a live call), until accepted or gone.
 */
@ProviderType
public interface KeptContacts {

    /** The kept contacts, earliest entry first. */
    List<QueuedContact> pending();
}
