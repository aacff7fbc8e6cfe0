package ai.kaizen.data.simulation;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevertReasonTests {

    @Test
    void errorStringsPanicsAndCustomErrorsReadAsText() {
        byte[] error = HexFormat.of().parseHex("08c379a0"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000013"
                + "534341543a2073656c6c20636f6f6c646f776e00000000000000000000000000");
        assertThat(RevertReason.describe(error)).isEqualTo("reverted: SCAT: sell cooldown");
        byte[] panic = HexFormat.of().parseHex("4e487b71"
                + "0000000000000000000000000000000000000000000000000000000000000011");
        assertThat(RevertReason.describe(panic)).isEqualTo("panicked: code 0x11");
        assertThat(RevertReason.describe(HexFormat.of().parseHex("e450d38c00"))).contains("ERC20InsufficientBalance");
        assertThat(RevertReason.describe(HexFormat.of().parseHex("deadbeef"))).isEqualTo(
                "reverted with custom error 0xdeadbeef");
        assertThat(RevertReason.describe(new byte[0])).isEqualTo("reverted without a reason");
        assertThat(RevertReason.describe(null)).isEqualTo("reverted without a reason");
    }

    @Test
    void aTruncatedErrorStringIsSaidToBeMalformed() {
        byte[] truncated = HexFormat.of().parseHex("08c379a0"
                + "00000000000000000000000000000000000000000000000000000000000fffff"
                + "0000000000000000000000000000000000000000000000000000000000000013");
        assertThat(RevertReason.describe(truncated)).isEqualTo("reverted with a malformed Error(string)");
    }
}
