package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

public class ParkingLotTest {

    private final ParkingLot lot = new ParkingLot("700", 701, 3);

    private static VoiceCall call(String id) {
        return new VoiceCall(id, "lane-" + id, "sip-" + id, "79161234567", "500", null, null, Instant.EPOCH);
    }

    @Test
    public void callsAreParkedInTheLowestFreeSlot() {
        VoiceCall first = call("a");
        VoiceCall second = call("b");
        assertEquals(Optional.of("701"), lot.park(first));
        assertEquals(Optional.of("702"), lot.park(second));
        assertSame(first, lot.at("701"));
        assertSame(second, lot.at("702"));
        assertNull("an empty slot", lot.at("703"));
    }

    @Test
    public void aFullLotParksNoMoreAndAFreedSlotIsTakenAgainFirst() {
        VoiceCall a = call("a");
        VoiceCall b = call("b");
        lot.park(a);
        lot.park(b);
        lot.park(call("c"));
        assertEquals("every slot taken", Optional.empty(), lot.park(call("d")));
        assertTrue(lot.leave("701", a));
        assertEquals(Optional.of("701"), lot.park(call("e")));
        assertTrue(lot.leave("702", b));
        assertEquals(Optional.of("702"), lot.park(call("f")));
    }

    @Test
    public void onlyTheCallInASlotCanLeaveIt() {
        VoiceCall parked = call("a");
        VoiceCall taken = call("b");
        lot.park(parked);
        assertTrue(lot.leave("701", parked));
        lot.park(taken);
        assertFalse("a call that left late must not free the slot of the next", lot.leave("701", parked));
        assertSame(taken, lot.at("701"));
        assertFalse(lot.leave(null, taken));
        assertFalse("a slot outside the lot", lot.leave("799", taken));
        assertSame(taken, lot.at("701"));
    }

    @Test
    public void aSlotDialedIsFoundOnlyWhileTheCallWaitsInIt() {
        VoiceCall parked = call("a");
        lot.park(parked);
        assertNull(lot.at(null));
        assertNull("the park extension itself is no slot", lot.at("700"));
        lot.leave("701", parked);
        assertNull(lot.at("701"));
    }

    @Test
    public void onlyTheParkExtensionParks() {
        assertTrue(lot.isParkExtension("700"));
        assertFalse(lot.isParkExtension("701"));
        assertFalse(lot.isParkExtension(null));
    }

    @Test
    public void aLotOfOneSlot() {
        ParkingLot single = new ParkingLot("800", 801, 1);
        assertEquals(Optional.of("801"), single.park(call("a")));
        assertEquals(Optional.empty(), single.park(call("b")));
        assertNull(single.at("802"));
    }

    @Test
    public void callsParkedAtOnceNeverShareASlot() throws Exception {
        ParkingLot big = new ParkingLot("700", 701, 20);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<String>>> parked = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                VoiceCall call = call("c" + i);
                parked.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return big.park(call);
                }));
            }
            start.countDown();
            Set<String> slots = new HashSet<>();
            int full = 0;
            for (Future<Optional<String>> future : parked) {
                Optional<String> slot = future.get(10, TimeUnit.SECONDS);
                if (slot.isPresent()) {
                    assertTrue("slot " + slot.get() + " given twice", slots.add(slot.get()));
                } else {
                    full++;
                }
            }
            assertEquals(20, slots.size());
            assertEquals(10, full);
        } finally {
            threads.shutdownNow();
        }
    }
}
