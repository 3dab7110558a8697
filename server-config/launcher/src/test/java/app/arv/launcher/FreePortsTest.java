package app.arv.launcher;

import app.arv.launcher.FreePorts.PortRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void aPickedPortIsOneTheSystemDoesNotHandOutForPortZeroOrOutgoingConnections() {
        PortRange ephemeral = FreePorts.ephemeralRange();

        for (int i = 0; i < 200; i++) {
            int port = FreePorts.pick();

            assertFalse(ephemeral.contains(port), port + " is in the system's ephemeral range " + ephemeral);
            assertTrue(port >= FreePorts.LOWEST, port + " is below " + FreePorts.LOWEST);
        }
    }

    @Test
    void aPortIsPickedOnceInAProcess() {
        Set<Integer> picked = new HashSet<>();

        for (int i = 0; i < 300; i++) {
            assertTrue(picked.add(FreePorts.pick()), "picked twice: " + picked);
        }
    }

    @Test
    void aPortSomethingListensOnIsNotPicked() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(FreePorts.LOOPBACK))) {
            PortRange onlyTheTakenPort = new PortRange(taken.getLocalPort(), taken.getLocalPort());

            IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> FreePorts.pickFrom(onlyTheTakenPort));

            assertTrue(refusal.getMessage().startsWith("no free port on 127.0.0.1 in " + onlyTheTakenPort), refusal.getMessage());
        }
    }

    @Test
    void portsArePickedFromTheWiderGapAroundTheEphemeralRange() {
        assertEquals(new PortRange(10_000, 32_767), FreePorts.outside(new PortRange(32_768, 60_999)), "Linux's default");
        assertEquals(new PortRange(10_000, 49_151), FreePorts.outside(new PortRange(49_152, 65_535)), "macOS, Windows");
        assertEquals(new PortRange(20_001, 65_535), FreePorts.outside(new PortRange(10_000, 20_000)));
        assertNull(FreePorts.outside(new PortRange(1_024, 65_000)), "no gap worth picking from");
    }

    @Test
    void whenTheSystemHandsOutNearlyEveryPortItPicksOne() {
        int port = FreePorts.pickFrom(null);

        assertTrue(port > 0 && port <= 65_535, "port " + port);
    }
}
