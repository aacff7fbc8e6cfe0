package ai.kaizen.data.updates;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.TokenFacts;
import ai.kaizen.data.signals.Signal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What of a token's facts can move its score, in a form two collections can be compared on. A null field is
 * unknown (its check did not run or failed in that collection) and is never a change.
 *
 * @param owner                  owner()/getOwner()/admin(), {@code none} when the token has no such function
 * @param liquidityUsd           both sides of every pool in USD
 * @param lpBurnedPercent        LP share at 0x0 and 0x…dEaD
 * @param lpLockedPercent        LP share in lockers
 * @param totalSupply            totalSupply() in base units
 * @param signals                every signal as its code and identifying parameters (measured values left out:
 *                               taxes are compared in {@code taxes}, LP and holder shares above or not at all)
 * @param taxes                  measured buy/sell/transfer tax per code, in basis points
 * @param codeHash               keccak256 of the token's runtime code
 * @param implementation         the proxy's implementation, {@code none} when it is not a proxy
 * @param implementationCodeHash the implementation's code hash, {@code none} when there is no implementation code
 */
public record TokenFingerprint(@Nullable String owner, @Nullable BigDecimal liquidityUsd,
                               @Nullable BigDecimal lpBurnedPercent, @Nullable BigDecimal lpLockedPercent,
                               @Nullable String totalSupply, @Nullable List<String> signals,
                               @Nullable Map<String, Integer> taxes, @Nullable String codeHash,
                               @Nullable String implementation, @Nullable String implementationCodeHash) {

    static final String NONE = "none";
    /** Parameters that are measurements rather than identity: they move with every trade or measurement. */
    private static final Set<String> MEASURED = Set.of("value_bps", "percent_bps", "top10_bps", "received_bps_max",
            "measured_after", "holders");
    private static final Set<String> TAXES = Set.of("buy_tax", "sell_tax", "transfer_tax");
    /** Checks whose failure makes the signal set unreliable (a signal missing then is not a signal gone). */
    private static final List<String> SIGNAL_CHECKS = List.of("simulation", "privileges", "liquidity", "holders",
            "ownership", "proxy", "bytecode");

    /** The fingerprint of one collection. */
    public static TokenFingerprint of(TokenFacts facts, JsonMapper mapper) {
        Map<String, String> status = new TreeMap<>();
        for (Coverage entry : facts.coverage()) {
            status.put(entry.check(), entry.status());
        }
        String owner = null;
        if (facts.ownership() != null && "ran".equals(status.get("ownership"))) {
            owner = facts.ownership().owner() == null ? NONE : facts.ownership().owner().address();
        }
        BigDecimal liquidityUsd = null;
        BigDecimal burned = null;
        BigDecimal locked = null;
        if (facts.liquidity() != null && "ran".equals(status.get("liquidity"))) {
            liquidityUsd = facts.liquidity().totalUSD();
            burned = facts.liquidity().burnedPercent();
            locked = facts.liquidity().lockedPercent();
        }
        String supply = facts.token() == null ? null : facts.token().totalSupply();
        List<String> signals = null;
        Map<String, Integer> taxes = null;
        if (SIGNAL_CHECKS.stream().allMatch(check -> "ran".equals(status.get(check)))) {
            Set<String> identities = new TreeSet<>();
            taxes = new TreeMap<>();
            for (Signal signal : facts.signals()) {
                identities.add(identity(signal, mapper));
                Object value = signal.params().get("value_bps");
                if (TAXES.contains(signal.code()) && value instanceof Number number) {
                    taxes.merge(signal.code(), number.intValue(), Math::max);
                }
            }
            signals = List.copyOf(identities);
        }
        String codeHash = facts.bytecode() == null ? null : facts.bytecode().codeHash();
        String implementation = null;
        String implementationCodeHash = null;
        if (facts.proxy() != null && "ran".equals(status.get("proxy"))) {
            implementation = facts.proxy().implementation() == null ? NONE : facts.proxy().implementation();
            implementationCodeHash = facts.proxy().implementationBytecode() == null ? NONE
                    : facts.proxy().implementationBytecode().codeHash();
        }
        return new TokenFingerprint(owner, liquidityUsd, burned, locked, supply, signals, taxes, codeHash,
                implementation, implementationCodeHash);
    }

    /** A signal's code and identifying parameters as canonical text. */
    static String identity(Signal signal, JsonMapper mapper) {
        Map<String, Object> params = new TreeMap<>();
        signal.params().forEach((key, value) -> {
            if (!MEASURED.contains(key) && value != null) {
                params.put(key, value);
            }
        });
        return signal.code() + " " + mapper.writeValueAsString(params);
    }

    /**
     * What changed from {@code before} to this one, as the short codes of {@link
     * ai.kaizen.common.events.TokenDataUpdated#changes()}: {@code ownership}, {@code liquidity} (USD moved by more
     * than the configured share), {@code lp} (burned or locked share moved), {@code supply} (by at least the configured share), {@code signals} (a
     * signal appeared or went), {@code taxes} (a measured tax moved), {@code code} (code or implementation).
     */
    List<String> changesFrom(TokenFingerprint before, UpdatesProperties properties) {
        List<String> changes = new ArrayList<>();
        if (differ(before.owner, owner)) {
            changes.add("ownership");
        }
        if (before.liquidityUsd != null && liquidityUsd != null && liquidityMoved(before.liquidityUsd, liquidityUsd,
                properties.liquidityChange())) {
            changes.add("liquidity");
        }
        if (moved(before.lpBurnedPercent, lpBurnedPercent, properties.lpShareChangeBps())
                || moved(before.lpLockedPercent, lpLockedPercent, properties.lpShareChangeBps())) {
            changes.add("lp");
        }
        if (supplyMoved(before.totalSupply, totalSupply, properties.supplyChangeBps())) {
            changes.add("supply");
        }
        if (before.signals != null && signals != null && !Set.copyOf(before.signals).equals(Set.copyOf(signals))) {
            changes.add("signals");
        }
        if (before.taxes != null && taxes != null && before.taxes.entrySet().stream().anyMatch(entry ->
                taxes.containsKey(entry.getKey())
                        && Math.abs(taxes.get(entry.getKey()) - entry.getValue()) >= properties.taxChangeBps())) {
            changes.add("taxes");
        }
        if (differ(before.codeHash, codeHash) || differ(before.implementation, implementation)
                || differ(before.implementationCodeHash, implementationCodeHash)) {
            changes.add("code");
        }
        return List.copyOf(changes);
    }

    /** This collection's known fields over {@code before}'s: the new baseline after a change. */
    TokenFingerprint over(TokenFingerprint before) {
        return new TokenFingerprint(or(owner, before.owner), or(liquidityUsd, before.liquidityUsd),
                or(lpBurnedPercent, before.lpBurnedPercent), or(lpLockedPercent, before.lpLockedPercent),
                or(totalSupply, before.totalSupply), or(signals, before.signals), or(taxes, before.taxes),
                or(codeHash, before.codeHash), or(implementation, before.implementation),
                or(implementationCodeHash, before.implementationCodeHash));
    }

    private static boolean differ(@Nullable Object before, @Nullable Object now) {
        return before != null && now != null && !before.equals(now);
    }

    private static boolean liquidityMoved(BigDecimal before, BigDecimal now, BigDecimal share) {
        if (before.signum() == 0) {
            return now.signum() != 0;
        }
        BigDecimal relative = now.subtract(before).abs().divide(before.abs(), MathContext.DECIMAL64);
        return relative.compareTo(share) > 0;
    }

    private static boolean supplyMoved(@Nullable String before, @Nullable String now, int bps) {
        if (before == null || now == null || before.equals(now)) {
            return false;
        }
        try {
            BigInteger previous = new BigInteger(before);
            BigInteger delta = new BigInteger(now).subtract(previous).abs();
            return previous.signum() == 0
                    || delta.multiply(BigInteger.valueOf(10_000)).compareTo(previous.multiply(BigInteger.valueOf(bps))) >= 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean moved(@Nullable BigDecimal before, @Nullable BigDecimal now, int bps) {
        return before != null && now != null
                && now.subtract(before).abs().movePointRight(2).compareTo(BigDecimal.valueOf(bps)) >= 0;
    }

    private static <T> @Nullable T or(@Nullable T first, @Nullable T second) {
        return first != null ? first : second;
    }
}
