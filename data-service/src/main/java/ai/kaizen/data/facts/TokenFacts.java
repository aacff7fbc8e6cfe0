package ai.kaizen.data.facts;

import java.time.Instant;
import java.util.List;

import ai.kaizen.data.bytecode.BytecodeReport;
import ai.kaizen.data.holders.Distribution;
import ai.kaizen.data.liquidity.Liquidity;
import ai.kaizen.data.privileges.PrivilegeReport;
import ai.kaizen.data.signals.Signal;
import ai.kaizen.data.simulation.SimulationReport;
import org.jspecify.annotations.Nullable;

/**
 * Everything data-service knows about one token at one block. Sections are null when their check did not run;
 * {@code coverage} says which ran, which were skipped and which failed, and why. {@code complete} is false when any
 * check failed (the {@code timeseries} and {@code updates} entries aside: appending samples and events and
 * comparing with the previous collection are bookkeeping, not facts).
 */
public record TokenFacts(
        String network,
        long chainId,
        String address,
        String depth,
        Instant collectedAt,
        @Nullable Long blockNumber,
        boolean complete,
        @Nullable Token token,
        @Nullable BytecodeReport bytecode,
        @Nullable Proxy proxy,
        @Nullable Ownership ownership,
        @Nullable Creator creator,
        @Nullable Liquidity liquidity,
        @Nullable Distribution distribution,
        @Nullable SimulationReport simulation,
        @Nullable PrivilegeReport privileges,
        List<Signal> signals,
        List<Coverage> coverage,
        Rpc rpc) {

    /** The same facts with one more coverage entry: bookkeeping after the collection, which leaves complete as is. */
    public TokenFacts withCoverage(Coverage entry) {
        List<Coverage> entries = new java.util.ArrayList<>(coverage);
        entries.add(entry);
        return new TokenFacts(network, chainId, address, depth, collectedAt, blockNumber, complete, token, bytecode,
                proxy, ownership, creator, liquidity, distribution, simulation, privileges, signals,
                List.copyOf(entries), rpc);
    }

    /**
     * ERC-20 metadata. {@code isToken} is true when totalSupply() and balanceOf(address) answer like ERC-20;
     * otherwise {@code notTokenReason} says what failed. {@code totalSupply} is a decimal string (raw units).
     */
    public record Token(boolean isToken, @Nullable String notTokenReason, @Nullable String name,
                        @Nullable String symbol, @Nullable Integer decimals, @Nullable String totalSupply,
                        List<Evidence> evidence) {
    }

    /**
     * Proxy status. {@code kind}: none, eip1967, eip1967-beacon, eip1822, eip1167. {@code upgradeable} is true for
     * every kind but none and eip1167. {@code implementationBytecode} is the analysed code behind the proxy.
     */
    public record Proxy(String kind, boolean upgradeable, @Nullable String implementation, @Nullable String admin,
                        @Nullable String beacon, @Nullable BytecodeReport implementationBytecode,
                        List<Evidence> evidence) {
    }

    /**
     * Who controls the token. {@code owner} answers owner()/getOwner()/admin() ({@code ownerSource} says which);
     * {@code renounced} is true when it is the zero or 0x…dEaD address. {@code privileged} lists every controlling
     * account found: the owner, the proxy admin (and the owner of a ProxyAdmin contract), the beacon's owner,
     * DEFAULT_ADMIN_ROLE holders.
     */
    public record Ownership(@Nullable Account owner, @Nullable String ownerSource, boolean renounced,
                            boolean accessControl, List<Privileged> privileged, List<Evidence> evidence) {
    }

    /**
     * A controlling account and how it controls ({@code via}: owner(), getOwner(), admin(), EIP-1967 admin slot,
     * EIP-1967 beacon, DEFAULT_ADMIN_ROLE; comma-separated when one account controls in several ways).
     */
    public record Privileged(String via, Account account) {
    }

    /**
     * An account and what it is. {@code kind}: eoa, eoa-delegated (EIP-7702), contract, multisig, timelock, burn,
     * unknown. {@code owner} is the owner() of a contract account when it has one (a ProxyAdmin's owner).
     */
    public record Account(String address, String kind, @Nullable String label, @Nullable Multisig multisig,
                          @Nullable Timelock timelock, @Nullable Account owner) {
    }

    public record Multisig(long threshold, List<String> owners) {
    }

    /** {@code minDelaySeconds} from getMinDelay() (OpenZeppelin) or delay() (Compound). */
    public record Timelock(long minDelaySeconds, String source) {
    }

    /** The deployer and creation transaction; {@code source} is ots_getContractCreator or explorer. */
    public record Creator(String address, @Nullable String transactionHash, String source, List<Evidence> evidence) {
    }

    /**
     * What collecting cost: JSON-RPC round trips (HTTP requests, retries included), how many of them were sequential
     * (the critical path: checks run in parallel), JSON-RPC calls (batch items), and explorer requests.
     */
    public record Rpc(int roundTrips, int sequentialRoundTrips, int calls, int explorerCalls) {
    }
}
