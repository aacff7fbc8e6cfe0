package ai.kaizen.data.timeseries;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import org.jspecify.annotations.Nullable;

/** Decodes the token and pool logs a collection reads into {@link ChainEvent}s. */
public final class ChainEvents {

    private static final Map<String, String> TYPES = Map.of(
            topic("Transfer(address,address,uint256)"), "Transfer",
            topic("Mint(address,uint256,uint256)"), "Mint",
            topic("Burn(address,uint256,uint256,address)"), "Burn",
            topic("Sync(uint112,uint112)"), "Sync");

    private ChainEvents() {
    }

    private static String topic(String signature) {
        return "0x" + HexFormat.of().formatHex(EvmAddress.keccak256(signature.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The event, or null for a log that is not one of the four (or is malformed). */
    public static @Nullable ChainEvent decode(LogEntry log, String network, Instant blockTime) {
        if (log.topics().isEmpty()) {
            return null;
        }
        String type = TYPES.get(log.topics().getFirst());
        if (type == null) {
            return null;
        }
        byte[] data = HexFormat.of().parseHex(log.data().substring(2));
        List<String> topics = log.topics();
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (type) {
            case "Transfer" -> {
                if (topics.size() == 3 && data.length == 32) {
                    fields.put("from", address(topics.get(1)));
                    fields.put("to", address(topics.get(2)));
                    fields.put("value", uint(data, 0));
                } else if (topics.size() == 1 && data.length == 96) {
                    fields.put("from", address(data, 0));
                    fields.put("to", address(data, 1));
                    fields.put("value", uint(data, 2));
                } else {
                    return null;
                }
            }
            case "Mint" -> {
                if (topics.size() != 2 || data.length != 64) {
                    return null;
                }
                fields.put("sender", address(topics.get(1)));
                fields.put("amount0", uint(data, 0));
                fields.put("amount1", uint(data, 1));
            }
            case "Burn" -> {
                if (topics.size() != 3 || data.length != 64) {
                    return null;
                }
                fields.put("sender", address(topics.get(1)));
                fields.put("amount0", uint(data, 0));
                fields.put("amount1", uint(data, 1));
                fields.put("to", address(topics.get(2)));
            }
            default -> {
                if (topics.size() != 1 || data.length != 64) {
                    return null;
                }
                fields.put("reserve0", uint(data, 0));
                fields.put("reserve1", uint(data, 1));
            }
        }
        if (fields.containsValue(null)) {
            return null;
        }
        return new ChainEvent(blockTime, network, EvmAddress.parse(log.address()).toChecksum(), type,
                log.blockNumber(), log.transactionHash(), log.logIndex(), fields);
    }

    private static @Nullable String address(String topic) {
        return address(HexFormat.of().parseHex(topic.substring(2)), 0);
    }

    private static @Nullable String address(byte[] data, int word) {
        for (int i = 0; i < 12; i++) {
            if (data[32 * word + i] != 0) {
                return null;
            }
        }
        return EvmAddress.fromWord(java.util.Arrays.copyOfRange(data, 32 * word, 32 * word + 32)).toChecksum();
    }

    /** A uint as a decimal string (JSON numbers lose precision beyond 2^53 in most readers). */
    private static String uint(byte[] data, int word) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, 32 * word, 32 * word + 32)).toString();
    }
}
