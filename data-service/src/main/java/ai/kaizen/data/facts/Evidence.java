package ai.kaizen.data.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What a fact rests on, so anyone can check it against the chain.
 *
 * @param type   {@code call} (eth_call), {@code storage} (eth_getStorageAt), {@code code} (eth_getCode),
 *               {@code selector} (found in the dispatcher), {@code rpc} (another node method), {@code explorer},
 *               {@code log} (an event log: input is {@code transactionHash#logIndex})
 * @param target the contract or account read (for a log, its emitter)
 * @param input  calldata, slot, selector or method, as hex or text
 * @param output what came back (hex), or the failure
 * @param detail a short human description ({@code owner()}, {@code EIP-1967 implementation slot})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String type, @Nullable String target, @Nullable String input, @Nullable String output,
                       @Nullable String detail) {
}
