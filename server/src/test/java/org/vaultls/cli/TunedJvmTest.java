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
    void checkStartsWithAGigabyteHeapOnlyWhereTheDefaultMaximumLeavesRoomForIt() {
        long gib = 1L << 30;
        assertTrue(TunedJvm.checkOptions(6 * gib).contains("-Xms1024m"), "a 24 GB machine's default is 6 GB");
        assertTrue(TunedJvm.checkOptions(2 * gib).contains("-Xms1024m"));
        for (long small : new long[] {2 * gib - 1, gib, 256L << 20, Long.MAX_VALUE}) {
            assertFalse(TunedJvm.checkOptions(small).stream().anyMatch(o -> o.startsWith("-Xms")),
                    "an initial heap near or above the maximum would stop the JVM: " + small);
        }
        assertFalse(TunedJvm.serverOptions().stream().anyMatch(o -> o.startsWith("-Xms")),
                "the server's heap follows its vault");
    }

    @Test
    void theLongLivedServerKeepsTheDefaultTenuringWithASmallYoungGeneration() {
        assertTrue(TunedJvm.serverOptions().containsAll(java.util.List.of("-XX:+UseSerialGC", "-Xmn64m")));
        assertFalse(TunedJvm.serverOptions().stream().anyMatch(o -> o.startsWith("-XX:MaxTenuringThreshold")),
                "request garbage must not be promoted into the old generation");
        assertTrue(TunedJvm.serverOptions().stream().anyMatch(o -> o.startsWith("-Dvaultls.launcher=")));
    }

    @Test
    void optionsBeforeTheJarAreTheUsersOwnAndKeepItInThisJvm() {
        assertFalse(TunedJvm.startsWithJvmOption(new String[] {"-jar", "vault-ls.jar", "check", "-Xmx1g"}));
        assertTrue(TunedJvm.startsWithJvmOption(new String[] {"-Xmx2g", "-jar", "vault-ls.jar", "check"}));
        assertTrue(TunedJvm.startsWithJvmOption(new String[] {"-cp", "vault-ls.jar", "org.vaultls.cli.Main"}));
    }

    @Test
    void aChildOfAJvmThatReadsFileNamesInAsciiGetsAUtf8Locale() {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("LANG", "C"));
        TunedJvm.utf8Locale("ANSI_X3.4-1968", env);
        assertTrue("C.UTF-8".equals(env.get("LC_ALL")), env.toString());
        for (String utf8 : new String[] {"UTF-8", "utf8", "UTF8"}) {
            java.util.Map<String, String> keep = new java.util.HashMap<>(java.util.Map.of("LANG", "de_DE.UTF-8"));
            TunedJvm.utf8Locale(utf8, keep);
            assertFalse(keep.containsKey("LC_ALL"), utf8 + " needs no other locale");
        }
    }
}
