package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import org.jspecify.annotations.Nullable;

/**
 * Finds the storage slot of a token's balance mapping in one eth_call: balanceOf(holder) with state overrides that
 * write a distinct mark into the holder's entry of every candidate mapping (slots 0..N, Solidity and Vyper
 * layouts); the mark that comes back names the slot. Tokens that compute balances (reflection) match none.
 */
public final class BalanceSlots {

    static final int SLOTS = 24;
    /** Marks are MARK + index: recognisable, and far from overflowing anything a token adds to them. */
    static final BigInteger MARK = new BigInteger("4b5a00000000000000000000", 16);

    /** A balance mapping: its slot and layout (solidity: keccak(key . slot), vyper: keccak(slot . key)). */
    public record Slot(int slot, String layout) {

        public String keyFor(EvmAddress holder) {
            return key(holder, slot, layout);
        }

        public String describe() {
            return "mapping at storage slot " + slot + " (" + layout + " layout)";
        }
    }

    private BalanceSlots() {
    }

    public static RpcCall probe(EvmAddress token, EvmAddress holder) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (int i = 0; i < SLOTS; i++) {
            marks.put(key(holder, i, "solidity"), word(MARK.add(BigInteger.valueOf(i))));
            marks.put(key(holder, i, "vyper"), word(MARK.add(BigInteger.valueOf(SLOTS + i))));
        }
        String data = "0x70a08231" + "0".repeat(24) + holder.toLowerHex().substring(2);
        return RpcCall.of("eth_call", Map.of("from", ProbeWallets.NOBODY.toLowerHex(), "to", token.toLowerHex(),
                "data", data), "latest", Map.of(token.toLowerHex(), Map.of("stateDiff", marks)));
    }

    public static @Nullable Slot found(RpcReply reply) {
        try {
            byte[] data = Hex.bytes(reply.hexOrThrow());
            if (data.length != 32) {
                return null;
            }
            BigInteger index = new BigInteger(1, data).subtract(MARK);
            if (index.signum() < 0 || index.compareTo(BigInteger.valueOf(2L * SLOTS)) >= 0) {
                return null;
            }
            int i = index.intValue();
            return i < SLOTS ? new Slot(i, "solidity") : new Slot(i - SLOTS, "vyper");
        } catch (RpcException e) {
            return null;
        }
    }

    static String key(EvmAddress holder, int slot, String layout) {
        byte[] input = new byte[64];
        byte[] holderWord = new byte[32];
        System.arraycopy(holder.toBytes(), 0, holderWord, 12, 20);
        byte[] slotWord = new byte[32];
        slotWord[31] = (byte) slot;
        slotWord[30] = (byte) (slot >>> 8);
        if (layout.equals("vyper")) {
            System.arraycopy(slotWord, 0, input, 0, 32);
            System.arraycopy(holderWord, 0, input, 32, 32);
        } else {
            System.arraycopy(holderWord, 0, input, 0, 32);
            System.arraycopy(slotWord, 0, input, 32, 32);
        }
        return Hex.of(EvmAddress.keccak256(input));
    }

    public static String word(BigInteger value) {
        String hex = value.toString(16);
        return "0x" + "0".repeat(64 - hex.length()) + hex;
    }
}
