package ai.kaizen.data.privileges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;

/**
 * Who may hold a privilege: the declared controllers (owner(), getOwner(), admin(), proxy admin, role admins), then
 * the creator, then addresses kept in storage slots, then addresses written into the code. Burn addresses, the
 * token's own infrastructure (pool, DEX, quote tokens, implementation) and our probe wallets are left out.
 */
public final class Callers {

    /** A declared controller, as the facts name it ({@code via}: owner(), EIP-1967 admin slot, ...). */
    public record Declared(EvmAddress address, String via) {
    }

    private Callers() {
    }

    public static List<PrivilegeReport.Caller> assemble(List<Declared> declared, @Nullable EvmAddress creator,
                                                        Map<EvmAddress, Integer> storage, List<EvmAddress> code,
                                                        Set<EvmAddress> excluded, int max) {
        Map<EvmAddress, Builder> found = new LinkedHashMap<>();
        for (Declared entry : declared) {
            if (usable(entry.address(), excluded)) {
                Builder builder = found.computeIfAbsent(entry.address(), Builder::new);
                builder.via.add(entry.via());
                builder.visible = true;
            }
        }
        if (creator != null && usable(creator, excluded)) {
            Builder builder = found.computeIfAbsent(creator, Builder::new);
            builder.via.add("creator");
            builder.creator = true;
        }
        for (Map.Entry<EvmAddress, Integer> entry : storage.entrySet()) {
            if (usable(entry.getKey(), excluded)) {
                Builder builder = found.computeIfAbsent(entry.getKey(), Builder::new);
                builder.via.add("storage slot " + entry.getValue());
                if (builder.slot == null) {
                    builder.slot = entry.getValue();
                }
            }
        }
        for (EvmAddress address : code) {
            if (usable(address, excluded)) {
                Builder builder = found.computeIfAbsent(address, Builder::new);
                builder.via.add("constant in the bytecode");
                builder.inCode = true;
            }
        }
        List<PrivilegeReport.Caller> callers = new ArrayList<>();
        for (Builder builder : found.values()) {
            if (callers.size() >= max) {
                break;
            }
            callers.add(new PrivilegeReport.Caller(builder.address.toChecksum(), List.copyOf(builder.via),
                    builder.visible, builder.slot, builder.inCode, builder.creator));
        }
        return callers;
    }

    private static boolean usable(EvmAddress address, Set<EvmAddress> excluded) {
        return !address.isBurn() && !excluded.contains(address) && !ProbeWallets.ALL.contains(address);
    }

    private static final class Builder {
        final EvmAddress address;
        final List<String> via = new ArrayList<>();
        boolean visible;
        boolean creator;
        boolean inCode;
        @Nullable Integer slot;

        Builder(EvmAddress address) {
            this.address = address;
        }
    }
}
