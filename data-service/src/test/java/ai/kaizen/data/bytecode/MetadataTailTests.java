package ai.kaizen.data.bytecode;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataTailTests {

    @Test
    void solc08MetadataIsStrippedAndItsVersionRead() throws IOException {
        byte[] code = HexFormat.of().parseHex(SelectorExtractorTests.resource("/contracts/contracts.json")
                .path("KzOwnedToken").path("deployedBytecode").stringValue());
        MetadataTail tail = MetadataTail.split(code);

        assertThat(tail.present()).isTrue();
        assertThat(tail.compiler()).isEqualTo("solc");
        assertThat(tail.compilerVersion()).isEqualTo("0.8.28");
        assertThat(tail.sourceHashKind()).isEqualTo("ipfs");
        assertThat(tail.executable().length + tail.cbor().length + 2).isEqualTo(code.length);
        assertThat(Arrays.equals(tail.executable(), Arrays.copyOf(code, tail.executable().length))).isTrue();
    }

    @Test
    void solc0516MetadataUsesBzzr1() throws IOException {
        byte[] code = HexFormat.of().parseHex(SelectorExtractorTests.resource("/contracts/UniswapV2Pair.json")
                .path("deployedBytecode").stringValue());
        MetadataTail tail = MetadataTail.split(code);

        assertThat(tail.compilerVersion()).isEqualTo("0.5.16");
        assertThat(tail.sourceHashKind()).isEqualTo("bzzr1");
    }

    @Test
    void twoBuildsThatDifferOnlyInTheirMetadataHashHaveTheSameExecutableHash() throws IOException {
        byte[] code = HexFormat.of().parseHex(SelectorExtractorTests.resource("/contracts/contracts.json")
                .path("KzOwnedToken").path("deployedBytecode").stringValue());
        byte[] rebuilt = code.clone();
        MetadataTail tail = MetadataTail.split(code);
        rebuilt[tail.executable().length + 10] ^= 0x55; // a byte inside the ipfs hash
        BytecodeReport original = BytecodeAnalyzer.analyze(code);
        BytecodeReport other = BytecodeAnalyzer.analyze(rebuilt);

        assertThat(other.codeHash()).isNotEqualTo(original.codeHash());
        assertThat(other.executableHash()).isEqualTo(original.executableHash());
    }

    @Test
    void codeWithoutMetadataIsLeftWhole() {
        byte[] code = HexFormat.of().parseHex("6080604052348015600e575f5ffd5b50");
        MetadataTail tail = MetadataTail.split(code);
        assertThat(tail.present()).isFalse();
        assertThat(tail.executable()).isEqualTo(code);
    }

    @Test
    void aLengthThatPointsBeforeTheStartOrAtGarbageIsNotMetadata() {
        assertThat(MetadataTail.split(HexFormat.of().parseHex("00ffff")).present()).isFalse();
        // Claims 3 bytes of CBOR that are not a map/array with compiler keys.
        assertThat(MetadataTail.split(HexFormat.of().parseHex("6001600201020003")).present()).isFalse();
    }
}
