package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The state a call changed, from {@code debug_traceCall} with the prestate tracer in diff mode: {@code pre} holds
 * the old value of everything changed, {@code post} the new one; a storage slot present in pre and missing in post
 * was cleared to zero. Nonces are ignored (every call bumps the sender's).
 */
public record StateDiff(Map<EvmAddress, Account> accounts) {

    private static final String ZERO_WORD = "0x" + "0".repeat(64);
    private static final int MAX_SLOTS = 512;

    /** One account's changes: balance (null when unchanged) and storage slots. */
    public record Account(@Nullable BigInteger balanceBefore, @Nullable BigInteger balanceAfter,
                          Map<String, Slot> storage) {

        public boolean balanceChanged() {
            return balanceAfter != null && !balanceAfter.equals(balanceBefore);
        }
    }

    /** A changed slot: 32-byte words as 0x hex. */
    public record Slot(String slot, String before, String after) {

        public BigInteger beforeValue() {
            return new BigInteger(before.substring(2), 16);
        }

        public BigInteger afterValue() {
            return new BigInteger(after.substring(2), 16);
        }
    }

    public static final StateDiff EMPTY = new StateDiff(Map.of());

    /** Parses a diff-mode prestate trace; anything malformed yields null. */
    public static @Nullable StateDiff parse(@Nullable JsonNode result) {
        if (result == null || !result.isObject() || !result.path("pre").isObject()) {
            return null;
        }
        JsonNode pre = result.path("pre");
        JsonNode post = result.path("post");
        Map<EvmAddress, Account> accounts = new LinkedHashMap<>();
        int slots = 0;
        for (Map.Entry<String, JsonNode> entry : pre.properties()) {
            EvmAddress address = EvmAddress.tryParse(entry.getKey());
            if (address == null) {
                return null;
            }
            JsonNode before = entry.getValue();
            JsonNode after = post.path(entry.getKey());
            BigInteger balanceBefore = quantity(before.path("balance"));
            BigInteger balanceAfter = quantity(after.path("balance"));
            Map<String, Slot> storage = new TreeMap<>();
            JsonNode beforeStorage = before.path("storage");
            JsonNode afterStorage = after.path("storage");
            if (beforeStorage.isObject()) {
                for (Map.Entry<String, JsonNode> slot : beforeStorage.properties()) {
                    String key = word(slot.getKey());
                    String old = word(slot.getValue().asString(""));
                    JsonNode now = afterStorage.path(slot.getKey());
                    String value = now.isString() ? word(now.stringValue()) : ZERO_WORD;
                    if (key != null && old != null && value != null && !old.equals(value) && slots++ < MAX_SLOTS) {
                        storage.put(key, new Slot(key, old, value));
                    }
                }
            }
            if (afterStorage.isObject()) {
                // Slots written from zero appear in post only.
                for (Map.Entry<String, JsonNode> slot : afterStorage.properties()) {
                    String key = word(slot.getKey());
                    String value = word(slot.getValue().asString(""));
                    if (key != null && value != null && !storage.containsKey(key) && !beforeStorage.has(slot.getKey())
                            && !value.equals(ZERO_WORD) && slots++ < MAX_SLOTS) {
                        storage.put(key, new Slot(key, ZERO_WORD, value));
                    }
                }
            }
            accounts.put(address, new Account(balanceBefore, balanceAfter, storage));
        }
        for (Map.Entry<String, JsonNode> entry : post.properties()) {
            EvmAddress address = EvmAddress.tryParse(entry.getKey());
            if (address != null && !accounts.containsKey(address)) {
                Map<String, Slot> storage = new TreeMap<>();
                JsonNode afterStorage = entry.getValue().path("storage");
                if (afterStorage.isObject()) {
                    for (Map.Entry<String, JsonNode> slot : afterStorage.properties()) {
                        String key = word(slot.getKey());
                        String value = word(slot.getValue().asString(""));
                        if (key != null && value != null && slots++ < MAX_SLOTS) {
                            storage.put(key, new Slot(key, ZERO_WORD, value));
                        }
                    }
                }
                accounts.put(address, new Account(BigInteger.ZERO, quantity(entry.getValue().path("balance")), storage));
            }
        }
        return new StateDiff(accounts);
    }

    /** Whether the call changed anything but the caller's own nonce and balance. */
    public boolean hasEffect(EvmAddress caller) {
        for (Map.Entry<EvmAddress, Account> entry : accounts.entrySet()) {
            Account account = entry.getValue();
            if (!account.storage().isEmpty()) {
                return true;
            }
            if (account.balanceChanged() && !entry.getKey().equals(caller)) {
                return true;
            }
        }
        return false;
    }

    /** The changes of one account's storage, in slot order. */
    public List<Slot> slots(EvmAddress account) {
        Account changes = accounts.get(account);
        return changes == null ? List.of() : List.copyOf(changes.storage().values());
    }

    /** A stable text of every change (storage and balances but the caller's), to merge identical effects. */
    public String fingerprint(EvmAddress caller) {
        StringBuilder text = new StringBuilder();
        accounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Account account = entry.getValue();
            if (account.balanceChanged() && !entry.getKey().equals(caller)) {
                text.append(entry.getKey().toLowerHex()).append(" balance ").append(account.balanceAfter()).append(';');
            }
            account.storage().values().forEach(slot -> text.append(entry.getKey().toLowerHex()).append(' ')
                    .append(slot.slot()).append('=').append(slot.after()).append(';'));
        });
        return text.toString();
    }

    /**
     * State overrides that put the world in the state after this call: {@code base} (account → {code, balance,
     * stateDiff}) with this diff's storage and balances applied on top.
     */
    public Map<String, Object> applyTo(Map<String, Object> base) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : base.entrySet()) {
            merged.put(entry.getKey(), copy(entry.getValue()));
        }
        for (Map.Entry<EvmAddress, Account> entry : accounts.entrySet()) {
            String key = entry.getKey().toLowerHex();
            @SuppressWarnings("unchecked")
            Map<String, Object> account = (Map<String, Object>) merged.computeIfAbsent(key,
                    k -> new LinkedHashMap<String, Object>());
            Account changes = entry.getValue();
            if (changes.balanceChanged()) {
                account.put("balance", "0x" + changes.balanceAfter().toString(16));
            }
            if (!changes.storage().isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> storage = (Map<String, Object>) account.computeIfAbsent("stateDiff",
                        k -> new LinkedHashMap<String, Object>());
                changes.storage().values().forEach(slot -> storage.put(slot.slot(), slot.after()));
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return value;
    }

    private static @Nullable BigInteger quantity(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (!node.isString()) {
            return null;
        }
        String text = node.stringValue();
        if (!text.startsWith("0x") || text.length() < 3 || text.length() > 66) {
            return null;
        }
        try {
            return new BigInteger(text.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A 0x hex storage key or value as a 32-byte word, or null. */
    static @Nullable String word(String text) {
        if (!text.startsWith("0x") || text.length() < 3 || text.length() > 66) {
            return null;
        }
        String digits = text.substring(2).toLowerCase(Locale.ROOT);
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                return null;
            }
        }
        return "0x" + "0".repeat(64 - digits.length()) + digits;
    }
}
