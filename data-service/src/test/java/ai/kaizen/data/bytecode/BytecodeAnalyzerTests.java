package ai.kaizen.data.bytecode;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BytecodeAnalyzerTests {

    @Test
    void opcodesOfInterestAreCountedOnlyWhereReachable() {
        // SELFDESTRUCT reachable; then STOP; then an unreachable DELEGATECALL and SELFDESTRUCT (no JUMPDEST before
        // them); then JUMPDEST makes SSTORE and CREATE2 reachable again.
        String code = "33ff" + "00" + "f4ff" + "5b" + "5f5f55" + "5f5f5f5ff5" + "00";
        BytecodeReport report = BytecodeAnalyzer.analyze(HexFormat.of().parseHex(code));
        assertThat(report.opcodes())
                .containsEntry("SELFDESTRUCT", 1)
                .containsEntry("DELEGATECALL", 0)
                .containsEntry("SSTORE", 1)
                .containsEntry("CREATE2", 1)
                .containsEntry("CALL", 0);
    }

    @Test
    void hardcodedAddressesSkipZeroTheMaskAndSmallConstants() {
        String router = "7a250d5630b4cf539739df2c5dacb4c659f2488d";
        String code = "73" + router + "50"                        // a real address
                + "73" + "ff".repeat(20) + "16"                   // the address mask
                + "73" + "00".repeat(20) + "50"                   // zero
                + "73" + "00".repeat(19) + "04" + "50"            // a precompile-sized constant
                + "73" + router + "50" + "00";                    // the same address again
        BytecodeReport report = BytecodeAnalyzer.analyze(HexFormat.of().parseHex(code));
        assertThat(report.hardcodedAddresses()).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo("0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D");
            assertThat(a.offset()).isZero();
        });
    }

    @Test
    void aRealTokenGetsLabelsFromTheWellKnownTableAndMarksThemAsSuch() throws Exception {
        byte[] code = HexFormat.of().parseHex(SelectorExtractorTests.resource("/contracts/contracts.json")
                .path("KzOwnedToken").path("deployedBytecode").stringValue());
        BytecodeReport report = BytecodeAnalyzer.analyze(code);
        assertThat(report.size()).isEqualTo(code.length);
        assertThat(report.codeHash()).matches("0x[0-9a-f]{64}");
        assertThat(report.selectors()).anySatisfy(s -> {
            assertThat(s.selector()).isEqualTo("0xa9059cbb");
            assertThat(s.label()).isEqualTo("transfer(address,uint256)");
            assertThat(s.labelSource()).isEqualTo("well-known-signature");
        });
        assertThat(report.hasSelector("0x40c10f19")).isTrue();
        assertThat(report.truncatedPush()).isFalse();
        assertThat(report.minimalProxyImplementation()).isNull();
    }

    @Test
    void selectorLabelsAreComputedFromSignatures() {
        assertThat(SelectorLabels.selector("transfer(address,uint256)")).isEqualTo("0xa9059cbb");
        assertThat(SelectorLabels.label("0x8da5cb5b")).isEqualTo("owner()");
        assertThat(SelectorLabels.label("0x12345678")).isNull();
    }
}
