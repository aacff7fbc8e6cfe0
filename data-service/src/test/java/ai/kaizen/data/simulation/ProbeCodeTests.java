package ai.kaizen.data.simulation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.kaizen.data.rpc.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed probe code is what KaizenProbe.sol compiles to, and ProbeLayout mirrors its constants. */
class ProbeCodeTests {

    private static final Path SOURCE = Path.of("src", "main", "solidity", "KaizenProbe.sol");
    private static final Path COMPILER = Path.of("src", "main", "solidity", "compile.js");
    private static final Path SOLC = Path.of("..", "devnet", "node_modules", "solc");

    static boolean solcAvailable() {
        return Files.isDirectory(SOLC) && Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "node")));
    }

    @Test
    void theRuntimeCodeLoads() throws Exception {
        assertThat(Hex.bytes(ProbeCode.runtime()).length).isGreaterThan(1000);
        assertThat(ProbeCode.compiler()).startsWith("0.8.");
    }

    @Test
    @EnabledIf(value = "solcAvailable", disabledReason = "node or devnet/node_modules/solc missing")
    void theCommittedRuntimeIsWhatTheSourceCompilesTo() throws Exception {
        Process process = new ProcessBuilder("node", COMPILER.toString(), "--check").redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void theLayoutMirrorsTheSolidityConstants() throws Exception {
        String source = Files.readString(SOURCE);
        Matcher matcher = Pattern.compile("uint256 internal constant ((?:S|SR|P|L|C|CR)_[A-Z0-9_]+) = ([0-9 +]+);")
                .matcher(source);
        Map<String, Integer> solidity = new TreeMap<>();
        while (matcher.find()) {
            int value = 0;
            for (String part : matcher.group(2).split("\\+")) {
                value += Integer.parseInt(part.strip());
            }
            solidity.put(matcher.group(1), value);
        }
        Map<String, Integer> java = new TreeMap<>();
        for (Field field : ProbeLayout.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                java.put(field.getName(), field.getInt(null));
            }
        }
        assertThat(solidity).hasSizeGreaterThan(50);
        assertThat(java).isEqualTo(solidity);
        assertThat(solidity.get("C_LENGTH")).isEqualTo(solidity.get("C_TRADE") + solidity.get("S_LENGTH"));
        assertThat(solidity.get("CR_LENGTH")).isEqualTo(solidity.get("CR_TRADE") + solidity.get("SR_LENGTH"));
    }
}
