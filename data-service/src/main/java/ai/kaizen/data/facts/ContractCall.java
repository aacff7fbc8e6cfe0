package ai.kaizen.data.facts;

import ai.kaizen.common.address.EvmAddress;

/** A read-only call: what to call, with which calldata, and a short label for evidence ({@code owner()}). */
public record ContractCall(EvmAddress target, byte[] data, String label) {
}
