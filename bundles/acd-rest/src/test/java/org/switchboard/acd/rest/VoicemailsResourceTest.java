package org.switchboard.acd.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.voicemail.Voicemail;

public class VoicemailsResourceTest {

    private static final Instant NOON = Instant.parse("2026-11-23T09:00:00Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final VoicemailsResource resource = new VoicemailsResource();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private Path file;

    @Before
    public void setUp() throws Exception {
        file = folder.newFile("m1.wav").toPath();
        Files.write(file, new byte[44]);
        resource.store = new InMemoryVoicemailStore();
        resource.audit = audit;
        resource.clock = Clock.fixed(NOON.plusSeconds(600), ZoneOffset.UTC);
        resource.store.add(new Voicemail("m1", "sales", "79161234567", "100", NOON, Duration.ofMillis(4250),
                file.toString(), null));
        resource.store.add(new Voicemail("m2", "support", "79160000000", "200", NOON.plusSeconds(60),
                Duration.ofSeconds(3), folder.getRoot().toPath().resolve("gone.wav").toString(), null));
    }

    @Test
    public void messagesAreListedByMailboxWithTheirLengthInSeconds() {
        List<VoicemailView> sales = resource.list("sales", null);
        assertEquals(1, sales.size());
        assertEquals(new VoicemailView("m1", "sales", "79161234567", "100", NOON, 4.25, false, null), sales.get(0));
        assertEquals(List.of("m2", "m1"), resource.list(null, null).stream().map(VoicemailView::id).toList());
        assertEquals(List.of("m2"), resource.list(null, 1).stream().map(VoicemailView::id).toList());
    }

    @Test
    public void badParametersAreNamed() {
        ProblemException limit = assertThrows(ProblemException.class, () -> resource.list(null, 0));
        assertEquals(400, limit.status());
        assertEquals("limit", limit.field());
        ProblemException mailbox = assertThrows(ProblemException.class, () -> resource.list("no/such", null));
        assertEquals("mailbox", mailbox.field());
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.get("nope")).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.heard("nope", Callers.named("sue"))).status());
    }

    @Test
    public void listeningIsAuditedAndAMissingFileIsGone() {
        assertEquals(410, assertThrows(ProblemException.class, () -> resource.audio("m2", Callers.named("sue"))).status());
        VoicemailView heard = resource.heard("m1", Callers.named("sue"));
        assertTrue(heard.heard());
        assertEquals(NOON.plusSeconds(600), heard.heardAt());
        assertEquals(List.of("sue voicemail.heard m1"), audit.entries);
    }
}
