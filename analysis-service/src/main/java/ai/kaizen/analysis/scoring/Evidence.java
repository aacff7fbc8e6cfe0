package ai.kaizen.analysis.scoring;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence behind a finding.
 *
 * @param type   what the value is
 * @param value  the selector, slot, call, transaction hash, address or number
 * @param detail what it showed (the slot's content, the call's result, the holder's balance change), if anything
 */
public record Evidence(EvidenceType type, String value, @Nullable String detail) {

    public Evidence {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static Evidence selector(String selector, @Nullable String detail) {
        return new Evidence(EvidenceType.SELECTOR, selector, detail);
    }

    public static Evidence storageSlot(String slot, @Nullable String content) {
        return new Evidence(EvidenceType.STORAGE_SLOT, slot, content);
    }

    public static Evidence simulatedCall(String call, String result) {
        return new Evidence(EvidenceType.SIMULATED_CALL, call, result);
    }

    public static Evidence transaction(String hash, @Nullable String detail) {
        return new Evidence(EvidenceType.TRANSACTION, hash, detail);
    }

    public static Evidence holder(String address, @Nullable String detail) {
        return new Evidence(EvidenceType.HOLDER, address, detail);
    }

    public static Evidence address(String address, @Nullable String role) {
        return new Evidence(EvidenceType.ADDRESS, address, role);
    }

    public static Evidence value(String value, @Nullable String what) {
        return new Evidence(EvidenceType.VALUE, value, what);
    }

    public static Evidence note(String text) {
        return new Evidence(EvidenceType.NOTE, text, null);
    }
}
