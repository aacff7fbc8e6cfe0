package ai.kaizen.data.facts;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.rpc.RpcSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.util.unit.DataSize;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real anvil node on a free port, for integration tests. The binary is the devnet's npm copy
 * ({@code devnet/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil}) or {@code KAIZEN_ANVIL_BIN}.
 */
final class AnvilNode implements AutoCloseable {

    /** anvil's first default (unlocked, funded) account. */
    static final EvmAddress DEPLOYER = EvmAddress.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    static final EvmAddress SECOND = EvmAddress.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    static final EvmAddress THIRD = EvmAddress.parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNode CONTRACTS = load();

    private final Process process;
    private final URI url;
    private final RpcSession rpc;

    private AnvilNode(Process process, URI url) {
        this.process = process;
        this.url = url;
        JsonRpcClient client = new JsonRpcClient(new RpcProperties(Duration.ofSeconds(20), Duration.ofSeconds(2),
                DataSize.ofMegabytes(8), 1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1), 50),
                MAPPER, new SimpleMeterRegistry());
        this.rpc = client.session("anvil", List.of(url));
    }

    static Path binary() {
        String override = System.getenv("KAIZEN_ANVIL_BIN");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of("..", "devnet", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil")
                .toAbsolutePath().normalize();
    }

    static boolean available() {
        return Files.isExecutable(binary());
    }

    static AnvilNode start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(binary().toString(), "--port", Integer.toString(port), "--host",
                "127.0.0.1", "--chain-id", "31337", "--silent")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        AnvilNode node = new AnvilNode(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                node.rpc.call("eth_chainId");
                return node;
            } catch (RpcException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    node.close();
                    throw new IllegalStateException("anvil did not start: " + e.getMessage());
                }
                Thread.sleep(50);
            }
        }
    }

    URI url() {
        return url;
    }

    /** Deploys a contract compiled into contracts.json, from the deployer, and returns its address. */
    EvmAddress deploy(String name, Type<?>... constructorArguments) throws RpcException {
        String creation = CONTRACTS.path(name).path("bytecode").stringValue();
        if (creation == null || creation.isEmpty()) {
            throw new IllegalArgumentException("no compiled contract " + name);
        }
        return deployCode(creation + FunctionEncoder.encodeConstructor(List.of(constructorArguments)));
    }

    EvmAddress deployCode(String creationHex) throws RpcException {
        String data = creationHex.startsWith("0x") ? creationHex : "0x" + creationHex;
        JsonNode receipt = send(Map.of("from", DEPLOYER.toLowerHex(), "data", data, "gas", "0x1c9c380"));
        return EvmAddress.parse(receipt.path("contractAddress").stringValue());
    }

    /** Sends a transaction from the deployer to {@code to} and returns its receipt (anvil mines at once). */
    JsonNode transact(EvmAddress from, EvmAddress to, byte[] data) throws RpcException {
        return send(Map.of("from", from.toLowerHex(), "to", to.toLowerHex(), "data",
                "0x" + HexFormat.of().formatHex(data), "gas", "0x989680"));
    }

    JsonNode call(String method, Object... params) throws RpcException {
        return rpc.call(method, params);
    }

    private JsonNode send(Map<String, String> transaction) throws RpcException {
        String hash = rpc.call("eth_sendTransaction", transaction).stringValue();
        JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
        for (int i = 0; i < 200 && receipt.isNull(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            receipt = rpc.call("eth_getTransactionReceipt", hash);
        }
        if (!"0x1".equals(receipt.path("status").asString(""))) {
            throw new IllegalStateException("transaction reverted: " + receipt);
        }
        return receipt;
    }

    static String runtime(String name) {
        return CONTRACTS.path(name).path("deployedBytecode").stringValue();
    }

    private static JsonNode load() {
        try (InputStream in = AnvilNode.class.getResourceAsStream("/contracts/contracts.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
