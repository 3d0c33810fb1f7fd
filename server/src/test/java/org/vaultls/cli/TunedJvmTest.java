package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TunedJvmTest {
    @Test
    void checkPromotesSurvivorsAtOnceAndKeepsTheYoungGenerationSmall() {
        assertTrue(TunedJvm.checkOptions().containsAll(java.util.List.of("-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0", "-Xmn64m")));
    }

    @Test
    void theLongLivedServerKeepsTheDefaultTenuring() {
        assertTrue(TunedJvm.serverOptions().contains("-XX:+UseSerialGC"));
        assertFalse(TunedJvm.serverOptions().stream().anyMatch(o -> o.startsWith("-XX:MaxTenuringThreshold")
                || o.startsWith("-Xmn")), "request garbage must not be promoted into the old generation");
        assertTrue(TunedJvm.serverOptions().stream().anyMatch(o -> o.startsWith("-Dvaultls.launcher=")));
    }
}
