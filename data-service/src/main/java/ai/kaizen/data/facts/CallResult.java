package ai.kaizen.data.facts;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one {@link ContractCall}. {@code success} false with {@code nodeFailure} false means the call
 * reverted (the function is absent or refused); {@code nodeFailure} true means the node could not answer, so
 * nothing is known.
 */
public record CallResult(ContractCall call, boolean success, byte[] data, @Nullable String failure, boolean nodeFailure,
                  boolean viaMulticall) {

    public Evidence evidence() {
        return new Evidence("call", call.target().toChecksum(), Abi.hex(call.data()),
                success ? Abi.hex(data) : failure, call.label() + (viaMulticall ? " via Multicall3" : ""));
    }
}
