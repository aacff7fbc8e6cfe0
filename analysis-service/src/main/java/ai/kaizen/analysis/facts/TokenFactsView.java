package ai.kaizen.analysis.facts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * data-service's facts about one token, read tolerantly: sections may be missing (their check did not run), new
 * sections and fields are ignored, and a mistyped value counts as absent. The record names follow data-service's
 * {@code ai.kaizen.data.facts.TokenFacts}; the sections being added there ({@code simulation}, {@code privileges},
 * {@code liquidity}, {@code holders} or {@code distribution}, {@code signals}) are read by field name.
 */
public final class TokenFactsView {

    /** ERC-20 metadata; {@code isToken} false with a reason when the contract does not behave as a token. */
    public record Token(boolean isToken, @Nullable String notTokenReason, @Nullable String name,
                        @Nullable String symbol, @Nullable Integer decimals, @Nullable String totalSupply) {
    }

    /** Proxy status; {@code kind}: none, eip1967, eip1967-beacon, eip1822, eip1167. */
    public record Proxy(String kind, boolean upgradeable, @Nullable String implementation, @Nullable String admin,
                        @Nullable String beacon, List<JsonNode> evidence) {
    }

    /** An account and what it is: eoa, eoa-delegated, contract, multisig, timelock, burn, unknown. */
    public record Account(String address, String kind, @Nullable String label, @Nullable Account owner) {
    }

    public record Privileged(String via, Account account) {
    }

    public record Ownership(@Nullable Account owner, @Nullable String ownerSource, boolean renounced,
                            List<Privileged> privileged, List<JsonNode> evidence) {
    }

    public record Creator(String address, @Nullable String transactionHash) {
    }

    /** One check data-service planned: status ran, skipped or failed. */
    public record Check(String check, String status, @Nullable String reason) {
    }

    /** One behaviour data-service observed, in the devnet manifest's vocabulary. */
    public record Signal(String code, @Nullable String kind, JsonNode params, List<JsonNode> evidence) {

        public @Nullable String param(String name) {
            return Json.text(params, name);
        }

        public @Nullable Double number(String name) {
            return Json.number(params, name);
        }

        public @Nullable Boolean bool(String name) {
            return Json.bool(params, name);
        }

        public List<JsonNode> list(String name) {
            return Json.array(params, name);
        }
    }

    private final JsonNode root;

    public TokenFactsView(JsonNode root) {
        this.root = root;
    }

    public JsonNode json() {
        return root;
    }

    public @Nullable String network() {
        return Json.text(root, "network");
    }

    public @Nullable String address() {
        return Json.text(root, "address");
    }

    public @Nullable Long chainId() {
        return Json.integer(root, "chainId");
    }

    public @Nullable Long blockNumber() {
        return Json.integer(root, "blockNumber");
    }

    public @Nullable Instant collectedAt() {
        String text = Json.text(root, "collectedAt");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public @Nullable Token token() {
        JsonNode token = Json.object(root, "token");
        if (token == null) {
            return null;
        }
        Boolean isToken = Json.bool(token, "isToken");
        Long decimals = Json.integer(token, "decimals");
        return new Token(isToken == null || isToken, Json.text(token, "notTokenReason"), Json.text(token, "name"),
                Json.text(token, "symbol"),
                decimals == null || decimals < 0 || decimals > 255 ? null : decimals.intValue(),
                Json.text(token, "totalSupply"));
    }

    public @Nullable Proxy proxy() {
        JsonNode proxy = Json.object(root, "proxy");
        if (proxy == null) {
            return null;
        }
        String kind = Json.text(proxy, "kind");
        Boolean upgradeable = Json.bool(proxy, "upgradeable");
        String effective = kind == null ? "none" : kind.toLowerCase(Locale.ROOT);
        return new Proxy(effective, upgradeable != null ? upgradeable
                : !effective.equals("none") && !effective.equals("eip1167"),
                Json.text(proxy, "implementation"), Json.text(proxy, "admin"), Json.text(proxy, "beacon"),
                Json.array(proxy, "evidence"));
    }

    public @Nullable Ownership ownership() {
        JsonNode ownership = Json.object(root, "ownership");
        if (ownership == null) {
            return null;
        }
        List<Privileged> privileged = new ArrayList<>();
        for (JsonNode entry : Json.array(ownership, "privileged")) {
            Account account = account(Json.object(entry, "account"), 0);
            if (account != null) {
                privileged.add(new Privileged(Json.clip(Json.firstText(entry, "via")), account));
            }
        }
        return new Ownership(account(Json.object(ownership, "owner"), 0), Json.text(ownership, "ownerSource"),
                Boolean.TRUE.equals(Json.bool(ownership, "renounced")), List.copyOf(privileged),
                Json.array(ownership, "evidence"));
    }

    private static @Nullable Account account(@Nullable JsonNode node, int depth) {
        if (node == null || depth > 3) {
            return null;
        }
        String address = Json.text(node, "address");
        if (address == null) {
            return null;
        }
        String kind = Json.text(node, "kind");
        return new Account(address, kind == null ? "unknown" : kind.toLowerCase(Locale.ROOT), Json.text(node, "label"),
                account(Json.object(node, "owner"), depth + 1));
    }

    public @Nullable Creator creator() {
        JsonNode creator = Json.object(root, "creator");
        String address = Json.text(creator, "address");
        return address == null ? null : new Creator(address, Json.text(creator, "transactionHash"));
    }

    public List<Check> coverage() {
        List<Check> checks = new ArrayList<>();
        for (JsonNode entry : Json.array(root, "coverage")) {
            String check = Json.text(entry, "check");
            String status = Json.text(entry, "status");
            if (check != null) {
                checks.add(new Check(check.toLowerCase(Locale.ROOT),
                        status == null ? "failed" : status.toLowerCase(Locale.ROOT), Json.text(entry, "reason")));
            }
        }
        return List.copyOf(checks);
    }

    /** Whether the facts carry a {@code signals} array at all (an empty one means: looked, found nothing). */
    public boolean hasSignals() {
        JsonNode signals = root.get("signals");
        return signals != null && signals.isArray();
    }

    public List<Signal> signals() {
        List<Signal> signals = new ArrayList<>();
        for (JsonNode entry : Json.array(root, "signals")) {
            String code = Json.text(entry, "code");
            if (code == null) {
                continue;
            }
            JsonNode params = Json.object(entry, "params");
            // Tolerate the manifest's flat form too: parameters next to the code.
            signals.add(new Signal(code.toLowerCase(Locale.ROOT), Json.text(entry, "kind"),
                    params != null ? params : entry, Json.array(entry, "evidence")));
        }
        return List.copyOf(signals);
    }

    public @Nullable JsonNode liquidity() {
        return Json.object(root, "liquidity");
    }

    /** The holder distribution, under {@code holders} or {@code distribution}. */
    public @Nullable JsonNode holders() {
        JsonNode holders = Json.object(root, "holders");
        return holders != null ? holders : Json.object(root, "distribution");
    }

    public @Nullable JsonNode section(String name) {
        return Json.object(root, name);
    }

    /** The liquidity section as the API shows it; every value null (and no pairs) when it was not collected. */
    public LiquiditySummary liquiditySummary() {
        JsonNode liquidity = liquidity();
        if (liquidity == null) {
            return new LiquiditySummary(null, null, null, null, null, null, List.of());
        }
        Double burned = percent(liquidity, "burnedPercent", "burnedBps");
        Double locked = percent(liquidity, "lockedPercent", "lockedBps");
        Double unlocked = percent(liquidity, "unlockedPercent", "unlockedBps");
        Boolean isLocked = Json.bool(liquidity, "locked");
        if (isLocked == null && locked != null) {
            isLocked = locked > 0;
        }
        List<JsonNode> pairs = Json.array(liquidity, "pairs");
        if (pairs.isEmpty()) {
            pairs = Json.array(liquidity, "pools");
        }
        return new LiquiditySummary(isLocked, Json.integer(liquidity, "lockDuration"),
                Json.firstNumber(liquidity, "totalUSD", "totalUsd", "liquidityUsd"), burned, locked, unlocked,
                List.copyOf(pairs.subList(0, Math.min(pairs.size(), MAX_LISTED))));
    }

    /** The holder distribution as the API shows it; every value null (and no holders) when it was not collected. */
    public DistributionSummary distributionSummary() {
        JsonNode holders = holders();
        if (holders == null) {
            return new DistributionSummary(null, null, List.of());
        }
        Long count = Json.integer(holders, "holderCount");
        List<JsonNode> top = Json.array(holders, "topHolders");
        if (top.isEmpty()) {
            top = Json.array(holders, "top");
        }
        return new DistributionSummary(count != null ? count : Json.integer(holders, "count"),
                percent(holders, "top10Percentage", "top10Bps"), List.copyOf(top.subList(0, Math.min(top.size(), MAX_LISTED))));
    }

    private static @Nullable Double percent(JsonNode node, String percentField, String bpsField) {
        Double percent = Json.number(node, percentField);
        if (percent != null) {
            return percent;
        }
        Double bps = Json.number(node, bpsField);
        return bps == null ? null : bps / 100;
    }

    private static final int MAX_LISTED = 25;

    /**
     * @param locked          whether any of the liquidity is locked
     * @param lockDuration    seconds until the lock ends, when data-service gives it
     * @param totalUSD        liquidity in USD across the pools
     * @param burnedPercent   share of LP tokens burned
     * @param lockedPercent   share of LP tokens locked
     * @param unlockedPercent share of LP tokens ordinary wallets can withdraw
     * @param pairs           the pools, as data-service describes them (at most 25)
     */
    public record LiquiditySummary(@Nullable Boolean locked, @Nullable Long lockDuration, @Nullable Double totalUSD,
                                   @Nullable Double burnedPercent, @Nullable Double lockedPercent,
                                   @Nullable Double unlockedPercent, List<JsonNode> pairs) {
    }

    /**
     * @param holderCount     holders (pools, burn addresses and lockers excluded)
     * @param top10Percentage share of the supply the top 10 hold
     * @param topHolders      the largest holders, as data-service describes them (at most 25)
     */
    public record DistributionSummary(@Nullable Long holderCount, @Nullable Double top10Percentage,
                                      List<JsonNode> topHolders) {
    }
}
