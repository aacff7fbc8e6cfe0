package ai.kaizen.data.bytecode;

import java.util.HexFormat;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinimalProxyTests {

    private static final String IMPLEMENTATION = "bebebebebebebebebebebebebebebebebebebebe";

    @Test
    void theExactEip1167RuntimeYieldsItsImplementation() {
        byte[] code = HexFormat.of().parseHex("363d3d373d3d3d363d73" + IMPLEMENTATION + "5af43d82803e903d91602b57fd5bf3");
        assertThat(MinimalProxy.implementation(code)).contains(EvmAddress.parse("0x" + IMPLEMENTATION));
        BytecodeReport report = BytecodeAnalyzer.analyze(code);
        assertThat(report.minimalProxyImplementation()).isEqualTo(EvmAddress.parse("0x" + IMPLEMENTATION).toChecksum());
        assertThat(report.opcodes()).containsEntry("DELEGATECALL", 1);
    }

    @Test
    void anythingElseIsNotAMinimalProxy() {
        String proxy = "363d3d373d3d3d363d73" + IMPLEMENTATION + "5af43d82803e903d91602b57fd5bf3";
        assertThat(MinimalProxy.implementation(HexFormat.of().parseHex(proxy + "00"))).isEmpty();
        assertThat(MinimalProxy.implementation(HexFormat.of().parseHex(proxy.replace("5af4", "5af1")))).isEmpty();
        assertThat(MinimalProxy.implementation(HexFormat.of().parseHex(proxy.substring(2)))).isEmpty();
    }

    @Test
    void anEip7702DelegationDesignatorIsRecognised() {
        byte[] code = HexFormat.of().parseHex("ef0100" + IMPLEMENTATION);
        assertThat(MinimalProxy.delegationDesignator(code)).contains(EvmAddress.parse("0x" + IMPLEMENTATION));
        assertThat(MinimalProxy.delegationDesignator(HexFormat.of().parseHex("ef0000" + IMPLEMENTATION))).isEmpty();
    }
}
