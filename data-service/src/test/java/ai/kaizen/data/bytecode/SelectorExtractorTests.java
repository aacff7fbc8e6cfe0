package ai.kaizen.data.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SelectorExtractorTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Contracts compiled by solc 0.8.28 (test resources/contracts, compile.js), OpenZeppelin 5.7.0 included. */
    @ParameterizedTest
    @ValueSource(strings = {"KzOwnedToken", "KzRolesToken", "KzImplToken", "KzMiniSafe", "KzMulticall3",
            "TimelockController", "ProxyAdmin", "UpgradeableBeacon"})
    void dispatcherSelectorsOfSolc08ContractsAreExactlyTheirAbisFunctions(String name) throws IOException {
        JsonNode contract = resource("/contracts/contracts.json").path(name);
        assertDispatcherMatchesAbi(contract.path("deployedBytecode").stringValue(), contract.path("abi"));
    }

    @Test
    void dispatcherSelectorsOfTheMainnetUniswapV2PairAreExactlyItsAbisFunctions() throws IOException {
        // solc 0.5.16: the pre-0.8 dispatcher shape, with 26 functions split by selector ranges.
        JsonNode pair = resource("/contracts/UniswapV2Pair.json");
        assertDispatcherMatchesAbi(pair.path("deployedBytecode").stringValue(), pair.path("abi"));
    }

    @Test
    void push4ConstantsThatAreNotComparedWithTheSelectorAreIgnored() {
        // Dispatcher for 0xa9059cbb only; later a PUSH4 0x70a08231 mask/constant is ANDed and returned, never jumped on.
        String code = "6080604052" + "348015600e575f5ffd5b50" + "600436106024575f3560e01c8063a9059cbb146028575b5f5ffd5b"
                + "63ffffffff" + "16" + "6370a08231" + "14" + "5f" + "52" + "60205ff3";
        SelectorExtractor.Result result = SelectorExtractor.extract(Disassembler.disassemble(HexFormat.of().parseHex(code)));
        assertThat(result.selectors()).containsExactly("0xa9059cbb");
        assertThat(result.method()).isEqualTo(SelectorExtractor.Method.DISPATCHER);
    }

    @Test
    void pre05SelectorLoadWithDivIsRecognised() {
        // PUSH1 0 CALLDATALOAD PUSH29 0x0100..00 SWAP1 DIV PUSH4 0xffffffff AND DUP1 PUSH4 sel EQ PUSH2 tag JUMPI ...
        String code = "60003560" .substring(0, 6) + "7c" + "01" + "00".repeat(28) + "90" + "04" + "63ffffffff" + "16"
                + "80" + "6318160ddd" + "14" + "610040" + "57" + "80" + "6370a08231" + "14" + "610050" + "57"
                + "5b" + "600080fd";
        SelectorExtractor.Result result = SelectorExtractor.extract(Disassembler.disassemble(HexFormat.of().parseHex(code)));
        assertThat(result.selectors()).containsExactly("0x18160ddd", "0x70a08231");
        assertThat(result.method()).isEqualTo(SelectorExtractor.Method.DISPATCHER);
    }

    @Test
    void aSelectorHiddenInPushDataIsNotASelector() {
        // PUSH5 0x63a9059cbb14 would read as PUSH4 sel EQ if PUSH data were decoded as opcodes.
        String code = "5f3560e01c" + "64" + "63a9059cbb" + "14" + "610020" + "57" + "00";
        SelectorExtractor.Result result = SelectorExtractor.extract(Disassembler.disassemble(HexFormat.of().parseHex(code)));
        assertThat(result.selectors()).isEmpty();
        assertThat(result.method()).isEqualTo(SelectorExtractor.Method.NONE);
    }

    private static void assertDispatcherMatchesAbi(String runtimeHex, JsonNode abi) {
        byte[] code = HexFormat.of().parseHex(runtimeHex.startsWith("0x") ? runtimeHex.substring(2) : runtimeHex);
        MetadataTail tail = MetadataTail.split(code);
        SelectorExtractor.Result result = SelectorExtractor.extract(Disassembler.disassemble(tail.executable()));
        List<String> expected = new ArrayList<>();
        for (String signature : signatures(abi)) {
            expected.add(SelectorLabels.selector(signature));
        }
        assertThat(result.method()).isEqualTo(SelectorExtractor.Method.DISPATCHER);
        assertThat(Set.copyOf(result.selectors())).isEqualTo(Set.copyOf(expected));
    }

    static List<String> signatures(JsonNode abi) {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : abi) {
            if (!"function".equals(entry.path("type").asString(""))) {
                continue;
            }
            List<String> types = new ArrayList<>();
            for (JsonNode input : entry.path("inputs")) {
                types.add(canonical(input));
            }
            out.add(entry.path("name").stringValue() + "(" + String.join(",", types) + ")");
        }
        return out;
    }

    private static String canonical(JsonNode input) {
        String type = input.path("type").stringValue();
        if (type.startsWith("tuple")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode component : input.path("components")) {
                parts.add(canonical(component));
            }
            return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
        }
        return type;
    }

    static JsonNode resource(String path) throws IOException {
        try (InputStream in = SelectorExtractorTests.class.getResourceAsStream(path)) {
            return MAPPER.readTree(in);
        }
    }
}
