package ai.kaizen.data.clones;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import ai.kaizen.data.bytecode.BytecodeReport;
import ai.kaizen.data.signals.Signal;
import ai.kaizen.migrations.DatabaseTarget;
import ai.kaizen.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The code index against the real chain schema: each test uses a network name of its own, so it starts empty. */
class CodeIndexTests {

    private static final String A = "0x663F3ad617193148711d28f5334eE4Ed07016602";
    private static final String B = "0xBC9129Dc0487fc2E169941C75aABC539f208fb01";
    private static final String C = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A collection that found evidence against the token (a honeypot). */
    private static final List<Signal> SCAM = List.of(new Signal("honeypot", Signal.EVIDENCE,
            Map.of("kind", "sell_reverts"), List.of()));

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        DatabaseTarget target = TestDatabase.migrated();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(target.url() + "?currentSchema=chain", target.user(),
                target.password()));
    }

    private static String network() {
        return "code-t" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    private static BytecodeReport code(String executableHash, String minimalProxyOf) {
        return new BytecodeReport(100, "0x" + "11".repeat(32), executableHash, null, List.of(), "dispatcher", Map.of(),
                List.of(), minimalProxyOf, null, false);
    }

    @Test
    void aLaterTokenWithTheSameExecutableCodeIsASameBytecodeCloneOfTheEarliest() {
        CodeIndex index = new CodeIndex(jdbc, Clock.systemUTC());
        String network = network();
        String hash = "0x" + "ab".repeat(32);

        CodeIndex.Outcome first = index.check(network, A, code(hash, null), "none", SCAM, T0);
        CodeIndex.Outcome second = index.check(network, B, code(hash, null), "none", SCAM, T0.plusSeconds(10));
        CodeIndex.Outcome third = index.check(network, C, code(hash, null), "none", SCAM, T0.plusSeconds(20));
        CodeIndex.Outcome again = index.check(network, A, code(hash, null), "none", SCAM, T0.plusSeconds(30));

        assertThat(first.signal()).isEmpty();
        assertThat(first.coverage().status()).isEqualTo("ran");
        Signal clone = second.signal().orElseThrow();
        assertThat(clone.code()).isEqualTo("same_bytecode_as");
        assertThat(clone.kind()).isEqualTo(Signal.EVIDENCE);
        assertThat(clone.params()).containsEntry("address", A);
        assertThat(clone.evidence().getFirst().output()).isEqualTo(hash);
        // The earliest seen is the original, for every later copy; the original itself points at its first copy.
        assertThat(third.signal().orElseThrow().params()).containsEntry("address", A);
        assertThat(again.signal().orElseThrow().params()).containsEntry("address", B);
    }

    @Test
    void aTokenAloneOrWithOtherCodeOrOnAnotherNetworkIsNoClone() {
        CodeIndex index = new CodeIndex(jdbc, Clock.systemUTC());
        String network = network();
        assertThat(index.check(network, A, code("0x" + "01".repeat(32), null), "none", SCAM, T0).signal()).isEmpty();
        assertThat(index.check(network, A, code("0x" + "01".repeat(32), null), "none", SCAM, T0).signal()).isEmpty();
        assertThat(index.check(network, B, code("0x" + "02".repeat(32), null), "none", SCAM, T0).signal()).isEmpty();
        assertThat(index.check(network(), C, code("0x" + "01".repeat(32), null), "none", SCAM, T0).signal()).isEmpty();
    }

    @Test
    void codeWithoutEvidenceAgainstItIsNoReference() {
        CodeIndex index = new CodeIndex(jdbc, Clock.systemUTC());
        String network = network();
        String template = "0x" + "ef".repeat(32);
        List<Signal> honest = List.of(new Signal("ownership_renounced", Signal.GOVERNANCE, Map.of(), List.of()));
        assertThat(index.check(network, A, code(template, null), "none", honest, T0).signal()).isEmpty();
        assertThat(index.check(network, B, code(template, null), "none", honest, T0.plusSeconds(10)).signal())
                .as("two honest tokens from one template").isEmpty();
        // Once the earliest is found to be a scam, its copies are reported.
        assertThat(index.check(network, A, code(template, null), "none", SCAM, T0.plusSeconds(20)).signal()).isEmpty();
        assertThat(index.check(network, C, code(template, null), "none", honest, T0.plusSeconds(30)).signal()
                .orElseThrow().params()).containsEntry("address", A);
    }

    @Test
    void proxiesAreNeitherComparedNorIndexed() {
        CodeIndex index = new CodeIndex(jdbc, Clock.systemUTC());
        String network = network();
        String stub = "0x" + "cd".repeat(32);
        CodeIndex.Outcome minimal = index.check(network, A, code(stub, C), "eip1167", SCAM, T0);
        CodeIndex.Outcome upgradeable = index.check(network, B, code(stub, null), "eip1967", SCAM, T0);
        CodeIndex.Outcome plain = index.check(network, C, code(stub, null), "none", SCAM, T0);

        assertThat(minimal.signal()).isEmpty();
        assertThat(minimal.coverage().status()).isEqualTo("skipped");
        assertThat(upgradeable.signal()).isEmpty();
        assertThat(upgradeable.coverage().status()).isEqualTo("skipped");
        assertThat(plain.signal()).as("the proxies were not indexed").isEmpty();
    }

    @Test
    void withoutAWorkingDatabaseTheCheckIsSkippedWithAReason() {
        JdbcTemplate down = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none",
                "postgres", ""));
        CodeIndex index = new CodeIndex(down, Clock.systemUTC());
        CodeIndex.Outcome outcome = index.check(network(), A, code("0x" + "ab".repeat(32), null), "none", SCAM, T0);
        assertThat(outcome.signal()).isEmpty();
        assertThat(outcome.coverage().status()).isEqualTo("skipped");
        assertThat(outcome.coverage().reason()).contains("could not be read");

        assertThat(new CodeIndex(null, Clock.systemUTC()).check(network(), A, code("0x" + "ab".repeat(32), null),
                "none", SCAM, T0).coverage().reason()).isEqualTo("no database is configured");
    }
}
