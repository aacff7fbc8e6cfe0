package ai.kaizen.analysis.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.kaizen.analysis.scoring.CheckStatus;
import ai.kaizen.analysis.scoring.CoverageCheck;
import ai.kaizen.analysis.scoring.Evidence;
import ai.kaizen.analysis.scoring.EvidenceType;
import ai.kaizen.analysis.scoring.Finding;
import ai.kaizen.analysis.scoring.FindingCode;
import ai.kaizen.analysis.scoring.FindingKind;
import ai.kaizen.analysis.scoring.ScoringRules;
import ai.kaizen.analysis.scoring.Severity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns data-service's facts into the engine's findings and coverage. Behaviour, never names: every finding comes
 * from a signal data-service observed (simulation, privilege probing, storage, bytecode), or from what the ownership,
 * proxy, token and liquidity sections measured. A check that did not run is listed as skipped or failed with its
 * reason (unknown is never safe), and a check reported as run without its section counts as failed.
 *
 * <p>The table ({@link #TABLE}) maps each behaviour code of the devnet manifest's vocabulary to finding codes. Where
 * the catalogue leaves the severity open it follows the signal's parameters:
 * <ul>
 *   <li>a changeable tax is as severe as the highest tax it allows would be as a measured sell tax (no cap: 100 %);</li>
 *   <li>a capability that can stop every sell (pause, a changeable limit or cooldown, a transfer guard that can block
 *       sells) is {@code high} while a single key holds it (an externally owned or unknown account), and keeps its
 *       catalogue severity under a multisig or timelock;</li>
 *   <li>a balance rewrite that only reaches blacklisted addresses (USDT's {@code destroyBlackFunds}) is part of the
 *       blacklist capability; one that reaches any holder is balance control;</li>
 *   <li>unlocked liquidity is a capability (the listed wallets <em>can</em> withdraw it), so the trust list softens it
 *       like any other capability.</li>
 * </ul>
 */
public final class FactsMapping {

    /** Produces the findings of one signal. */
    @FunctionalInterface
    interface Rule {
        List<Finding> apply(TokenFactsView.Signal signal, Context context);
    }

    /** What a rule may look at besides its signal. */
    record Context(ScoringRules rules, Map<String, String> accountKinds) {

        /** The kind of the account holding a capability; unknown when the facts do not name it. */
        String kindOf(@Nullable String address) {
            return address == null ? "unknown" : accountKinds.getOrDefault(address.toLowerCase(Locale.ROOT), "unknown");
        }

        /** True unless a multisig or timelock holds it: one key can use it at any moment. */
        boolean singleKey(@Nullable String address) {
            String kind = kindOf(address);
            return !kind.equals("multisig") && !kind.equals("timelock");
        }
    }

    /** Vocabulary code → the finding codes it can produce (the first is the main one). */
    public static final Map<String, List<FindingCode>> TABLE;

    private static final Map<String, Rule> RULES;

    static {
        Map<String, List<FindingCode>> table = new LinkedHashMap<>();
        Map<String, Rule> rules = new HashMap<>();
        rule(table, rules, "honeypot", List.of(FindingCode.EVM_HONEYPOT), FactsMapping::honeypot);
        rule(table, rules, "buy_tax", List.of(FindingCode.EVM_BUY_TAX), (s, c) -> tax(s, FindingCode.EVM_BUY_TAX, "buy"));
        rule(table, rules, "sell_tax", List.of(FindingCode.EVM_SELL_TAX), (s, c) -> tax(s, FindingCode.EVM_SELL_TAX, "sell"));
        rule(table, rules, "transfer_tax", List.of(FindingCode.EVM_TRANSFER_TAX),
                (s, c) -> tax(s, FindingCode.EVM_TRANSFER_TAX, "wallet-to-wallet transfer"));
        rule(table, rules, "tax_modifiable", List.of(FindingCode.EVM_TAX_MODIFIABLE),
                (s, c) -> changeableTax(s, c, FindingCode.EVM_TAX_MODIFIABLE));
        rule(table, rules, "per_address_tax", List.of(FindingCode.EVM_PER_ADDRESS_TAX),
                (s, c) -> changeableTax(s, c, FindingCode.EVM_PER_ADDRESS_TAX));
        rule(table, rules, "max_tx", List.of(FindingCode.EVM_MAX_TX, FindingCode.EVM_LIMITS_MODIFIABLE),
                (s, c) -> limit(s, c, FindingCode.EVM_MAX_TX, "transaction"));
        rule(table, rules, "max_wallet", List.of(FindingCode.EVM_MAX_WALLET, FindingCode.EVM_LIMITS_MODIFIABLE),
                (s, c) -> limit(s, c, FindingCode.EVM_MAX_WALLET, "wallet"));
        rule(table, rules, "trading_cooldown", List.of(FindingCode.EVM_COOLDOWN, FindingCode.EVM_LIMITS_MODIFIABLE),
                FactsMapping::cooldown);
        rule(table, rules, "pausable", List.of(FindingCode.EVM_PAUSABLE, FindingCode.EVM_PAUSED), FactsMapping::pausable);
        rule(table, rules, "trading_not_enabled", List.of(FindingCode.EVM_TRADING_NOT_ENABLED),
                FactsMapping::tradingNotEnabled);
        rule(table, rules, "blacklist", List.of(FindingCode.EVM_BLACKLIST), FactsMapping::blacklist);
        rule(table, rules, "mint", List.of(FindingCode.EVM_MINT), FactsMapping::mint);
        rule(table, rules, "hidden_mint", List.of(FindingCode.EVM_HIDDEN_MINT), FactsMapping::hiddenMint);
        rule(table, rules, "mint_after_launch", List.of(FindingCode.EVM_POST_LAUNCH_MINT), FactsMapping::mintAfterLaunch);
        rule(table, rules, "balance_rewrite", List.of(FindingCode.EVM_BALANCE_CONTROL, FindingCode.EVM_BLACKLIST),
                FactsMapping::balanceRewrite);
        rule(table, rules, "siphoned_holder", List.of(FindingCode.EVM_SIPHONED_HOLDER), FactsMapping::siphonedHolder);
        rule(table, rules, "ownership_renounced", List.of(FindingCode.EVM_OWNER_RENOUNCED),
                (s, c) -> List.of(Finding.of(FindingCode.EVM_OWNER_RENOUNCED,
                        "Ownership is renounced: owner() is the zero or burn address and no hidden admin was found",
                        withObserved(s, List.of()).toArray(Evidence[]::new))));
        rule(table, rules, "fake_renounce", List.of(FindingCode.EVM_OWNERSHIP_RECLAIMABLE), FactsMapping::fakeRenounce);
        rule(table, rules, "hidden_owner", List.of(FindingCode.EVM_HIDDEN_OWNER), FactsMapping::hiddenOwner);
        rule(table, rules, "upgradeable_proxy", List.of(FindingCode.EVM_UPGRADEABLE_PROXY), FactsMapping::upgradeableProxy);
        rule(table, rules, "minimal_proxy", List.of(FindingCode.EVM_MINIMAL_PROXY), FactsMapping::minimalProxy);
        rule(table, rules, "deprecation_forwarding", List.of(FindingCode.EVM_UPGRADEABLE_PROXY),
                FactsMapping::deprecationForwarding);
        rule(table, rules, "selfdestruct", List.of(FindingCode.EVM_SELFDESTRUCT), FactsMapping::selfdestruct);
        rule(table, rules, "external_call_in_transfer", List.of(FindingCode.EVM_EXTERNAL_CALL_IN_TRANSFER),
                FactsMapping::externalCall);
        rule(table, rules, "same_bytecode_as", List.of(FindingCode.EVM_SCAM_CLONE), FactsMapping::sameBytecode);
        rule(table, rules, "lp_burned", List.of(FindingCode.LIQ_LP_BURNED), FactsMapping::lpBurned);
        rule(table, rules, "lp_locked", List.of(FindingCode.LIQ_LP_LOCKED), FactsMapping::lpLocked);
        rule(table, rules, "lp_unlocked", List.of(FindingCode.LIQ_LP_UNLOCKED), FactsMapping::lpUnlocked);
        rule(table, rules, "concentrated_holders", List.of(FindingCode.HOLDERS_CONCENTRATED), FactsMapping::concentrated);
        TABLE = Collections.unmodifiableMap(table);
        RULES = Map.copyOf(rules);
    }

    private static void rule(Map<String, List<FindingCode>> table, Map<String, Rule> rules, String code,
                             List<FindingCode> produces, Rule rule) {
        table.put(code, produces);
        rules.put(code, rule);
    }

    private final ScoringRules rules;

    public FactsMapping(ScoringRules rules) {
        this.rules = rules;
    }

    public MappedFacts map(TokenFactsView facts) {
        List<CoverageCheck> coverage = coverage(facts);
        Context context = new Context(rules, accountKinds(facts));
        List<Finding> findings = new ArrayList<>();
        Map<MappedFacts.FindingKey, String> origins = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        Set<String> signalCodes = new HashSet<>();
        for (TokenFactsView.Signal signal : facts.signals()) {
            Rule rule = RULES.get(signal.code());
            if (rule == null) {
                unknown.add(signal.code());
                continue;
            }
            signalCodes.add(signal.code());
            for (Finding finding : rule.apply(signal, context)) {
                findings.add(finding);
                origins.putIfAbsent(MappedFacts.FindingKey.of(finding), signal.code());
            }
        }
        Set<String> produced = new HashSet<>();
        findings.forEach(f -> produced.add(f.code()));
        for (Finding finding : sectionFindings(facts, signalCodes, produced)) {
            if (produced.add(finding.code()) || finding.code().equals(FindingCode.NOT_A_TOKEN.code())) {
                findings.add(finding);
            }
        }
        return new MappedFacts(findings, coverage, origins, unknown);
    }

    // ---- coverage ----

    private static List<CoverageCheck> coverage(TokenFactsView facts) {
        Map<String, CoverageCheck> checks = new LinkedHashMap<>();
        for (TokenFactsView.Check reported : facts.coverage()) {
            CheckCatalogue.Definition definition = CheckCatalogue.ofDataCheck(reported.check());
            CheckStatus status = switch (reported.status()) {
                case "ran" -> CheckStatus.RAN;
                case "skipped" -> CheckStatus.SKIPPED;
                case "not_applicable", "not-applicable" -> CheckStatus.NOT_APPLICABLE;
                default -> CheckStatus.FAILED;
            };
            String reason = status == CheckStatus.RAN ? null : reported.reason() != null ? Json.clip(reported.reason())
                    : status == CheckStatus.FAILED && !reported.status().equals("failed")
                    ? "data-service reported the unknown status '" + Json.clip(reported.status()) + "'"
                    : "data-service gave no reason";
            if (status == CheckStatus.RAN && definition.section() != null && !delivered(facts, definition.section())) {
                status = CheckStatus.FAILED;
                reason = "data-service reported '" + reported.check() + "' as ran but sent no "
                        + definition.section() + " section";
            }
            checks.putIfAbsent(definition.id(), new CoverageCheck(definition.id(), definition.pillar(), status, reason,
                    definition.weight()));
        }
        for (Map.Entry<String, CheckCatalogue.Definition> expected : CheckCatalogue.DATA_SERVICE_CHECKS.entrySet()) {
            CheckCatalogue.Definition definition = expected.getValue();
            checks.computeIfAbsent(definition.id(), id -> CoverageCheck.failed(id, definition.pillar(),
                    "data-service did not report the '" + expected.getKey() + "' check", definition.weight()));
        }
        return new ArrayList<>(checks.values());
    }

    private static boolean delivered(TokenFactsView facts, String section) {
        return switch (section) {
            case "signals" -> facts.hasSignals();
            case "holders" -> facts.holders() != null;
            default -> facts.section(section) != null;
        };
    }

    private static Map<String, String> accountKinds(TokenFactsView facts) {
        Map<String, String> kinds = new HashMap<>();
        TokenFactsView.Ownership ownership = facts.ownership();
        if (ownership != null) {
            for (TokenFactsView.Privileged privileged : ownership.privileged()) {
                remember(kinds, privileged.account());
            }
            remember(kinds, ownership.owner());
        }
        return kinds;
    }

    private static void remember(Map<String, String> kinds, TokenFactsView.@Nullable Account account) {
        for (TokenFactsView.Account at = account; at != null; at = at.owner()) {
            kinds.putIfAbsent(at.address().toLowerCase(Locale.ROOT), at.kind());
        }
    }

    // ---- findings from the sections ----

    private List<Finding> sectionFindings(TokenFactsView facts, Set<String> signalCodes, Set<String> produced) {
        List<Finding> findings = new ArrayList<>();
        TokenFactsView.Token token = facts.token();
        if (token != null && !token.isToken()) {
            findings.add(Finding.of(FindingCode.NOT_A_TOKEN, "This contract does not behave as a fungible token"
                            + (token.notTokenReason() == null ? "" : ": " + Json.clip(token.notTokenReason())),
                    Evidence.note(token.notTokenReason() == null ? "ERC-20 calls did not answer as a token"
                            : Json.clip(token.notTokenReason()))));
        }
        TokenFactsView.Proxy proxy = facts.proxy();
        if (proxy != null) {
            List<Evidence> evidence = new ArrayList<>();
            if (proxy.implementation() != null) {
                evidence.add(Evidence.address(proxy.implementation(), "implementation"));
            }
            if (proxy.admin() != null) {
                evidence.add(Evidence.address(proxy.admin(), "proxy admin"));
            }
            if (proxy.beacon() != null) {
                evidence.add(Evidence.address(proxy.beacon(), "beacon"));
            }
            proxy.evidence().forEach(e -> evidence.add(evidence(e)));
            if (proxy.kind().equals("eip1167")) {
                findings.add(Finding.of(FindingCode.EVM_MINIMAL_PROXY, "The token is an EIP-1167 clone of "
                        + (proxy.implementation() == null ? "another contract" : proxy.implementation())
                        + "; the implementation's code is what was analysed", evidence.toArray(Evidence[]::new)));
            } else if (proxy.upgradeable()) {
                findings.add(Finding.of(FindingCode.EVM_UPGRADEABLE_PROXY, "The token is an upgradeable proxy ("
                        + proxy.kind() + "): " + (proxy.admin() == null ? "its admin" : proxy.admin())
                        + " can replace its code", evidence.toArray(Evidence[]::new)));
            }
        }
        TokenFactsView.Ownership ownership = facts.ownership();
        if (ownership != null) {
            Finding owner = ownerFinding(ownership, signalCodes, produced);
            if (owner != null) {
                findings.add(owner);
            }
        }
        Double liquidityUsd = Json.firstNumber(facts.liquidity(), "totalUSD", "totalUsd", "liquidityUsd");
        if (liquidityUsd != null && liquidityUsd >= 0
                && rules.grade(FindingCode.LIQ_LOW.code(), liquidityUsd, Severity.INFO) != Severity.INFO) {
            findings.add(Finding.measured(FindingCode.LIQ_LOW, liquidityUsd, "The pools hold "
                            + usd(liquidityUsd) + " of liquidity",
                    Evidence.value(plain(liquidityUsd), "liquidity in USD from pool reserves")));
        }
        return findings;
    }

    private static @Nullable Finding ownerFinding(TokenFactsView.Ownership ownership, Set<String> signalCodes,
                                                  Set<String> produced) {
        TokenFactsView.Account owner = ownership.owner();
        List<Evidence> evidence = new ArrayList<>();
        ownership.evidence().forEach(e -> evidence.add(evidence(e)));
        String source = ownership.ownerSource() == null ? "owner()" : ownership.ownerSource();
        if (ownership.renounced() || owner != null && owner.kind().equals("burn")) {
            // A renounced owner() is only good news when no hidden admin or take-back path was found.
            if (signalCodes.contains("fake_renounce") || signalCodes.contains("hidden_owner")
                    || produced.contains(FindingCode.EVM_OWNER_RENOUNCED.code())) {
                return null;
            }
            if (owner != null) {
                evidence.addFirst(Evidence.address(owner.address(), source));
            }
            return Finding.of(FindingCode.EVM_OWNER_RENOUNCED, source + " is the zero or burn address",
                    evidence.toArray(Evidence[]::new));
        }
        if (owner == null) {
            return null;
        }
        evidence.addFirst(Evidence.address(owner.address(), source + " (" + owner.kind() + ")"));
        return switch (owner.kind()) {
            case "multisig", "timelock" -> Finding.of(FindingCode.EVM_OWNER_MULTISIG, "The owner is a " + owner.kind()
                    + " (" + owner.address() + "): privileged actions need several signers or a delay",
                    evidence.toArray(Evidence[]::new));
            case "eoa", "eoa-delegated" -> Finding.of(FindingCode.EVM_OWNER_NOT_RENOUNCED, "A single externally owned "
                    + "address (" + owner.address() + ") holds the owner role", evidence.toArray(Evidence[]::new));
            case "contract" -> {
                TokenFactsView.Account controller = owner.owner();
                if (controller != null && (controller.kind().equals("multisig") || controller.kind().equals("timelock"))) {
                    evidence.add(Evidence.address(controller.address(), "owner of the owner contract ("
                            + controller.kind() + ")"));
                    yield Finding.of(FindingCode.EVM_OWNER_MULTISIG, "The owner contract " + owner.address()
                            + " is controlled by a " + controller.kind(), evidence.toArray(Evidence[]::new));
                }
                if (controller != null) {
                    evidence.add(Evidence.address(controller.address(), "owner of the owner contract ("
                            + controller.kind() + ")"));
                }
                yield Finding.of(FindingCode.EVM_OWNER_NOT_RENOUNCED, "The owner is the contract " + owner.address()
                        + (controller == null ? ", which is neither a known multisig nor a timelock"
                        : ", controlled by " + controller.address() + " (" + controller.kind() + ")"),
                        evidence.toArray(Evidence[]::new));
            }
            default -> Finding.of(FindingCode.EVM_OWNER_NOT_RENOUNCED, "The owner role is held by " + owner.address()
                    + ", an account whose kind could not be determined", evidence.toArray(Evidence[]::new));
        };
    }

    // ---- the rules, one per vocabulary code ----

    private static List<Finding> honeypot(TokenFactsView.Signal s, Context c) {
        String kind = s.param("kind");
        List<Evidence> evidence = withObserved(s, List.of());
        boolean simulated = evidence.stream().anyMatch(e -> e.type() == EvidenceType.SIMULATED_CALL);
        List<Evidence> all = new ArrayList<>(evidence);
        String message;
        if ("sell_returns_nothing".equals(kind)) {
            Double max = s.number("received_bps_max");
            message = "Selling returns almost nothing: a simulated sell succeeded but paid out at most "
                    + (max == null ? "a tiny fraction" : percent(max) + " %") + " of the quoted amount";
            if (!simulated) {
                all.addFirst(Evidence.simulatedCall("buy, then sell through the deepest pool",
                        "sell succeeded but returned " + (max == null ? "almost nothing" : "≤ " + percent(max) + " %")
                                + " of the quote"));
            }
        } else {
            message = "Selling fails: a simulated buy succeeded and the sell right after it reverted";
            if (!simulated) {
                all.addFirst(Evidence.simulatedCall("buy, then sell through the deepest pool", "sell reverted"));
            }
        }
        for (JsonNode exempt : s.list("exempt")) {
            if (exempt.isString()) {
                all.add(Evidence.address(exempt.asString(), "can still sell (exempt)"));
            }
        }
        return List.of(finding(FindingCode.EVM_HONEYPOT, message, all));
    }

    private static List<Finding> tax(TokenFactsView.Signal s, FindingCode code, String what) {
        Double bps = s.number("value_bps");
        if (bps == null || bps < 0) {
            return List.of(finding(code, "A " + what + " tax was reported without a measured value",
                    withObserved(s, List.of())));
        }
        double pct = bps / 100;
        return List.of(measured(code, pct, "A simulated " + what + " lost " + percent(bps) + " % to tax",
                withObserved(s, List.of(Evidence.value(plain(pct), what + " tax %, measured by simulation")))));
    }

    private static List<Finding> changeableTax(TokenFactsView.Signal s, Context c, FindingCode code) {
        // max_bps null means "no cap"; no max_bps at all means the cap was not measured, and an unmeasured cap
        // counts as none: unknown is never safe.
        boolean capReported = s.params().has("max_bps");
        Double maxBps = s.number("max_bps");
        double worstPct = maxBps == null ? 100 : Math.min(100, maxBps / 100);
        Severity severity = c.rules().grade(FindingCode.EVM_SELL_TAX.code(), worstPct, code.defaultSeverity());
        List<Evidence> evidence = new ArrayList<>(selectorEvidence(s));
        evidence.add(Evidence.value(plain(worstPct), !capReported ? "upper limit not measured: counted as up to 100 %"
                : maxBps == null ? "no upper limit on the tax (up to 100 %)" : "highest tax % the setter allows"));
        for (JsonNode taxed : s.list("taxed")) {
            String address = Json.text(taxed, "address");
            Double value = Json.number(taxed, "value_bps");
            if (address != null) {
                evidence.add(Evidence.holder(address, "taxed at " + (value == null ? "?" : percent(value)) + " %"));
            }
        }
        String requires = s.param("requires");
        String who = who(s);
        String message = (code == FindingCode.EVM_PER_ADDRESS_TAX
                ? who + " can set a separate tax for chosen wallets"
                : who + " can change the tax")
                + (!capReported ? " (its upper limit was not measured, so it counts as unlimited)"
                : maxBps == null ? ", with no upper limit" : ", up to " + percent(maxBps) + " %")
                + (requires == null ? "" : " (after " + requires.replace('_', ' ') + ")");
        return List.of(finding(code, message, withObserved(s, evidence)).withSeverity(severity));
    }

    private static List<Finding> limit(TokenFactsView.Signal s, Context c, FindingCode code, String what) {
        Double bps = s.number("bps_of_supply");
        String amount = s.param("amount");
        List<Evidence> evidence = new ArrayList<>();
        if (amount != null) {
            evidence.add(Evidence.value(amount, "largest " + what + " amount (raw units)"));
        }
        if (bps != null) {
            evidence.add(Evidence.value(plain(bps / 100), "limit as % of total supply"));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(finding(code, (code == FindingCode.EVM_MAX_TX ? "Transfers larger than " : "Wallets cannot hold more than ")
                + (bps == null ? "a limit" : percent(bps) + " % of the supply") + (code == FindingCode.EVM_MAX_TX
                ? " fail" : ""), withObserved(s, evidence)));
        if (!Boolean.FALSE.equals(s.bool("modifiable")) && s.param("selector") != null) {
            findings.add(sellStopper(FindingCode.EVM_LIMITS_MODIFIABLE, s, c,
                    who(s) + " can change the " + what + " limit, down to a level where nobody can sell",
                    selectorEvidence(s)));
        }
        return findings;
    }

    private static List<Finding> cooldown(TokenFactsView.Signal s, Context c) {
        Double seconds = s.number("seconds");
        List<Finding> findings = new ArrayList<>();
        findings.add(finding(FindingCode.EVM_COOLDOWN, "A second sell within "
                        + (seconds == null ? "the cooldown" : plain(seconds) + " seconds") + " of the first reverted",
                withObserved(s, seconds == null ? List.of()
                        : List.of(Evidence.value(plain(seconds), "cooldown between sells, seconds")))));
        if (s.param("selector") != null) {
            findings.add(sellStopper(FindingCode.EVM_LIMITS_MODIFIABLE, s, c,
                    who(s) + " can change the cooldown, up to blocking sells for as long as it likes",
                    selectorEvidence(s)));
        }
        return findings;
    }

    private static List<Finding> pausable(TokenFactsView.Signal s, Context c) {
        List<Finding> findings = new ArrayList<>();
        findings.add(sellStopper(FindingCode.EVM_PAUSABLE, s, c, who(s) + " can pause every transfer, sells included",
                withObserved(s, selectorEvidence(s))));
        if (Boolean.TRUE.equals(s.bool("paused"))) {
            findings.add(finding(FindingCode.EVM_PAUSED, "Transfers are paused right now",
                    List.of(Evidence.value("true", "paused() now"))));
        }
        return findings;
    }

    private static List<Finding> tradingNotEnabled(TokenFactsView.Signal s, Context c) {
        return List.of(finding(FindingCode.EVM_TRADING_NOT_ENABLED, "Buys fail because trading is not enabled yet; "
                + who(s) + " decides when it opens" + (s.param("signature") == null ? ""
                : " (" + s.param("signature") + ")"), withObserved(s, selectorEvidence(s))));
    }

    private static List<Finding> blacklist(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>(selectorEvidence(s));
        List<JsonNode> listed = s.list("listed");
        for (JsonNode address : listed) {
            if (address.isString()) {
                evidence.add(Evidence.holder(address.asString(), "blocked now"));
            }
        }
        return List.of(finding(FindingCode.EVM_BLACKLIST, who(s) + " can block chosen addresses from transferring"
                + (listed.isEmpty() ? "" : "; " + listed.size() + " address" + (listed.size() == 1 ? " is" : "es are")
                + " blocked now"), withObserved(s, evidence)));
    }

    private static List<Finding> mint(TokenFactsView.Signal s, Context c) {
        return List.of(finding(FindingCode.EVM_MINT, who(s) + " can create new tokens"
                + (s.param("signature") == null ? "" : " with " + s.param("signature")), withObserved(s, selectorEvidence(s))));
    }

    private static List<Finding> hiddenMint(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>(selectorEvidence(s));
        JsonNode used = Json.object(s.params(), "used");
        String tx = Json.text(used, "tx");
        if (tx != null) {
            evidence.add(Evidence.transaction(tx, "used: minted " + Json.clip(Json.text(used, "amount")) + " (raw units)"));
        }
        Boolean emits = s.bool("emits_transfer");
        return List.of(finding(FindingCode.EVM_HIDDEN_MINT, who(s) + " can grow the supply through "
                + (s.param("signature") == null ? "a function not called mint" : s.param("signature"))
                + (Boolean.FALSE.equals(emits) ? ", without a Transfer event" : "")
                + (tx == null ? "" : "; it has been used"), withObserved(s, evidence)));
    }

    private static List<Finding> mintAfterLaunch(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>();
        String tx = s.param("tx");
        if (tx != null) {
            evidence.add(Evidence.transaction(tx, "Transfer(0x0 → " + Json.clip(s.param("to")) + ") of "
                    + Json.clip(s.param("amount")) + " (raw units)" + (s.param("block") == null ? ""
                    : " in block " + s.param("block"))));
        }
        return List.of(finding(FindingCode.EVM_POST_LAUNCH_MINT, "New tokens were minted after the pool existed"
                + (s.param("to") == null ? "" : ", to " + s.param("to")), withObserved(s, evidence)));
    }

    private static List<Finding> balanceRewrite(TokenFactsView.Signal s, Context c) {
        String kind = s.param("kind");
        if ("burn_blacklisted".equals(kind)) {
            return List.of(finding(FindingCode.EVM_BLACKLIST, who(s) + " can destroy the balance of blacklisted "
                    + "addresses" + (s.param("signature") == null ? "" : " (" + s.param("signature") + ")"),
                    withObserved(s, selectorEvidence(s))));
        }
        String action = "move".equals(kind) ? "move any holder's tokens" : "set any holder's balance";
        return List.of(finding(FindingCode.EVM_BALANCE_CONTROL, who(s) + " can " + action + " without the holder's "
                + "signature" + (s.param("signature") == null ? "" : " (" + s.param("signature") + ")"),
                withObserved(s, selectorEvidence(s))));
    }

    private static List<Finding> siphonedHolder(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>();
        String holder = s.param("holder");
        if (holder != null) {
            evidence.add(Evidence.holder(holder, "lost " + Json.clip(s.param("amount")) + " (raw units) in a "
                    + "transaction it did not send"));
        }
        if (s.param("tx") != null) {
            evidence.add(Evidence.transaction(s.param("tx"), s.param("by") == null ? null : "sent by " + s.param("by")));
        }
        return List.of(finding(FindingCode.EVM_SIPHONED_HOLDER, "A holder's balance was taken without their signature"
                + (holder == null ? "" : " (" + holder + ")"), withObserved(s, evidence)));
    }

    private static List<Finding> fakeRenounce(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>(selectorEvidence(s));
        if (s.param("slot") != null) {
            evidence.add(Evidence.storageSlot(s.param("slot"), "keeps " + Json.clip(s.param("by"))));
        }
        if (s.param("unlock_time") != null) {
            evidence.add(Evidence.value(s.param("unlock_time"), "can take ownership back after (unix time)"));
        }
        return List.of(finding(FindingCode.EVM_OWNERSHIP_RECLAIMABLE, "owner() reads as renounced, but "
                + Json.clip(s.param("by") == null ? "a former owner" : s.param("by")) + " can take ownership back"
                + (s.param("signature") == null ? "" : " with " + s.param("signature")), withObserved(s, evidence)));
    }

    private static List<Finding> hiddenOwner(TokenFactsView.Signal s, Context c) {
        String address = s.param("address");
        String location = s.param("location");
        List<Evidence> evidence = new ArrayList<>();
        if (address != null) {
            evidence.add(Evidence.address(address, "hidden privileged account"));
        }
        if ("storage".equals(location) && s.param("slot") != null) {
            evidence.add(Evidence.storageSlot(s.param("slot"), address));
        } else if ("bytecode".equals(location) && address != null) {
            evidence.add(new Evidence(EvidenceType.VALUE, address, "hard-coded in the bytecode (PUSH20)"));
        }
        List<String> powers = new ArrayList<>();
        for (JsonNode power : s.list("powers")) {
            if (power.isString()) {
                powers.add(power.asString().replace('_', ' '));
            }
        }
        return List.of(finding(FindingCode.EVM_HIDDEN_OWNER, "An account that is not owner() keeps privileges"
                + (address == null ? "" : ": " + address)
                + (location == null ? "" : ", kept in " + ("bytecode".equals(location) ? "the bytecode" : "a storage slot"))
                + (powers.isEmpty() ? "" : "; it can use: " + String.join(", ", powers)), withObserved(s, evidence)));
    }

    private static List<Finding> upgradeableProxy(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>();
        addAddress(evidence, s.param("implementation"), "implementation");
        addAddress(evidence, s.param("admin"), "proxy admin");
        addAddress(evidence, s.param("admin_owner"), "owner of the proxy admin");
        addAddress(evidence, s.param("upgrade_candidate"), "prepared upgrade");
        String standard = s.param("standard");
        return List.of(finding(FindingCode.EVM_UPGRADEABLE_PROXY, "The token is an upgradeable proxy"
                + (standard == null ? "" : " (" + standard + (s.param("kind") == null ? "" : ", " + s.param("kind")) + ")")
                + ": " + (s.param("admin_owner") != null ? s.param("admin_owner") : s.param("admin") != null
                ? s.param("admin") : "its admin") + " can replace its code", withObserved(s, evidence)));
    }

    private static List<Finding> minimalProxy(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>();
        addAddress(evidence, s.param("implementation"), "implementation");
        addAddress(evidence, s.param("factory"), "factory");
        return List.of(finding(FindingCode.EVM_MINIMAL_PROXY, "The token is an EIP-1167 clone of "
                + (s.param("implementation") == null ? "another contract" : s.param("implementation"))
                + "; the implementation's code is what was analysed", withObserved(s, evidence)));
    }

    private static List<Finding> deprecationForwarding(TokenFactsView.Signal s, Context c) {
        return List.of(finding(FindingCode.EVM_UPGRADEABLE_PROXY, who(s) + " can deprecate the contract"
                + (s.param("signature") == null ? "" : " (" + s.param("signature") + ")")
                + " and forward every call to a new one, which replaces its behaviour", withObserved(s, selectorEvidence(s))));
    }

    private static List<Finding> selfdestruct(TokenFactsView.Signal s, Context c) {
        return List.of(finding(FindingCode.EVM_SELFDESTRUCT, who(s) + " can reach SELFDESTRUCT"
                + (s.param("signature") == null ? "" : " through " + s.param("signature")), withObserved(s, selectorEvidence(s))));
    }

    private static List<Finding> externalCall(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>();
        addAddress(evidence, s.param("target"), Boolean.FALSE.equals(s.bool("verified"))
                ? "called on every transfer (unverified)" : "called on every transfer");
        if (s.param("selector") != null) {
            evidence.add(Evidence.selector(s.param("selector"), "called on the target during transfers"));
        }
        boolean blocks = Boolean.TRUE.equals(s.bool("can_block_sells"));
        String message = "Every transfer calls " + (s.param("target") == null ? "another contract" : s.param("target"))
                + (Boolean.FALSE.equals(s.bool("verified")) ? ", whose code is not verified" : "")
                + (blocks ? ", and that contract can refuse sells" : "");
        Finding finding = finding(FindingCode.EVM_EXTERNAL_CALL_IN_TRANSFER, message, withObserved(s, evidence));
        return List.of(blocks && c.singleKey(s.param("by")) ? finding.withSeverity(Severity.HIGH) : finding);
    }

    private static List<Finding> sameBytecode(TokenFactsView.Signal s, Context c) {
        List<Evidence> evidence = new ArrayList<>();
        addAddress(evidence, s.param("address"), "known scam with identical runtime code"
                + (s.param("key") == null ? "" : " (" + s.param("key") + ")"));
        return List.of(finding(FindingCode.EVM_SCAM_CLONE, "The runtime code is identical to a known scam"
                + (s.param("address") == null ? "" : " at " + s.param("address")), withObserved(s, evidence)));
    }

    private static List<Finding> lpBurned(TokenFactsView.Signal s, Context c) {
        Double bps = s.number("percent_bps");
        return List.of(measuredOrPlain(FindingCode.LIQ_LP_BURNED, bps, (bps == null ? "Part" : percent(bps) + " %")
                + " of the pool's LP tokens are burned and can never be withdrawn", s, "LP burned %"));
    }

    private static List<Finding> lpLocked(TokenFactsView.Signal s, Context c) {
        Double bps = s.number("percent_bps");
        List<Evidence> evidence = new ArrayList<>();
        addAddress(evidence, s.param("locker"), "LP locker" + (s.param("lock_id") == null ? "" : ", lock " + s.param("lock_id")));
        if (s.param("unlock_time") != null) {
            evidence.add(Evidence.value(s.param("unlock_time"), "unlock time (unix)"));
        }
        if (bps != null) {
            evidence.add(Evidence.value(plain(bps / 100), "LP locked %"));
        }
        return List.of(finding(FindingCode.LIQ_LP_LOCKED, (bps == null ? "Part" : percent(bps) + " %")
                + " of the pool's LP tokens are locked" + (s.param("unlock_time") == null ? ""
                : " until " + unix(s.param("unlock_time"))), withObserved(s, evidence)));
    }

    private static List<Finding> lpUnlocked(TokenFactsView.Signal s, Context c) {
        Double bps = s.number("percent_bps");
        List<Evidence> evidence = new ArrayList<>();
        List<JsonNode> holders = s.list("holders");
        for (JsonNode holder : holders) {
            if (holder.isString()) {
                evidence.add(Evidence.address(holder.asString(), "holds unlocked LP tokens"));
            } else if (Json.text(holder, "address") != null) {
                evidence.add(Evidence.address(Json.text(holder, "address"), "holds unlocked LP tokens"));
            }
        }
        String who = holders.size() == 1 ? (holders.getFirst().isString() ? holders.getFirst().asString()
                : Json.clip(Json.text(holders.getFirst(), "address"))) : holders.isEmpty() ? "ordinary wallets"
                : holders.size() + " wallets";
        Finding finding = measuredOrPlain(FindingCode.LIQ_LP_UNLOCKED, bps, (bps == null ? "Part" : percent(bps) + " %")
                + " of the pool's LP tokens are not locked: " + who + " can withdraw that liquidity at any time", s,
                "LP unlocked %", evidence);
        return List.of(finding.withKind(FindingKind.CAPABILITY));
    }

    private static List<Finding> concentrated(TokenFactsView.Signal s, Context c) {
        Double bps = s.number("top10_bps");
        return List.of(measuredOrPlain(FindingCode.HOLDERS_CONCENTRATED, bps, "The top 10 holders own "
                        + (bps == null ? "a large share" : percent(bps) + " %") + " of the supply (pools, burn addresses and "
                        + "lockers excluded)", s, "top-10 share %"));
    }

    // ---- helpers ----

    /** A capability that can stop every sell: high while one key holds it. */
    private static Finding sellStopper(FindingCode code, TokenFactsView.Signal s, Context c, String message,
                                       List<Evidence> evidence) {
        Finding finding = finding(code, message, evidence);
        return c.singleKey(s.param("by")) ? finding.withSeverity(max(Severity.HIGH, code.defaultSeverity())) : finding;
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Finding finding(FindingCode code, String message, List<Evidence> evidence) {
        return Finding.of(code, message, evidence.toArray(Evidence[]::new));
    }

    private static Finding measured(FindingCode code, double measure, String message, List<Evidence> evidence) {
        return Finding.measured(code, measure, message, evidence.toArray(Evidence[]::new));
    }

    private static Finding measuredOrPlain(FindingCode code, @Nullable Double bps, String message,
                                           TokenFactsView.Signal s, String what) {
        return measuredOrPlain(code, bps, message, s, what, List.of());
    }

    private static Finding measuredOrPlain(FindingCode code, @Nullable Double bps, String message,
                                           TokenFactsView.Signal s, String what, List<Evidence> extra) {
        List<Evidence> evidence = new ArrayList<>();
        if (bps != null) {
            evidence.add(Evidence.value(plain(bps / 100), what));
        }
        evidence.addAll(extra);
        return bps == null ? finding(code, message, withObserved(s, evidence))
                : measured(code, bps / 100, message, withObserved(s, evidence));
    }

    private static String who(TokenFactsView.Signal s) {
        String by = s.param("by");
        return by == null ? "A privileged account" : by;
    }

    private static List<Evidence> selectorEvidence(TokenFactsView.Signal s) {
        String selector = s.param("selector");
        if (selector == null) {
            return List.of();
        }
        String signature = s.param("signature");
        String by = s.param("by");
        String detail = (signature == null ? "" : signature) + (by == null ? "" : (signature == null ? "" : ", ")
                + "callable by " + by);
        return List.of(Evidence.selector(selector, detail.isEmpty() ? null : detail));
    }

    private static void addAddress(List<Evidence> evidence, @Nullable String address, String role) {
        if (address != null) {
            evidence.add(Evidence.address(address, role));
        }
    }

    /** The evidence data-service sent with the signal first, then what the parameters show. */
    private static List<Evidence> withObserved(TokenFactsView.Signal s, List<Evidence> fromParams) {
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode item : s.evidence()) {
            evidence.add(evidence(item));
        }
        evidence.addAll(fromParams);
        return evidence;
    }

    /** data-service's evidence ({@code type}, {@code target}, {@code input}, {@code output}, {@code detail}). */
    static Evidence evidence(JsonNode item) {
        if (item.isString()) {
            return Evidence.note(Json.clip(item.asString()));
        }
        String type = Json.text(item, "type");
        String target = Json.text(item, "target");
        String input = Json.text(item, "input");
        String output = Json.text(item, "output");
        String detail = Json.text(item, "detail");
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "call", "simulation", "simulated_call", "simulated-call", "trace", "swap" -> Evidence.simulatedCall(
                    Json.clip(join(detail != null ? detail : input, target == null ? null : "on " + target)),
                    Json.clip(output != null ? output : "no result recorded"));
            case "storage", "slot" -> new Evidence(EvidenceType.STORAGE_SLOT, Json.clip(input != null ? input : "?"),
                    nullIfEmpty(join(output, detail == null ? null : "(" + detail + ")") + (target == null ? ""
                            : " of " + target)));
            case "selector" -> new Evidence(EvidenceType.SELECTOR, Json.clip(input != null ? input : "?"),
                    nullIfEmpty(Json.clip(detail)));
            case "tx", "transaction", "log", "event" -> new Evidence(EvidenceType.TRANSACTION,
                    Json.clip(input != null ? input : output != null ? output : "?"),
                    nullIfEmpty(Json.clip(join(detail, target == null ? null : "on " + target))));
            case "holder" -> new Evidence(EvidenceType.HOLDER, Json.clip(target != null ? target : input != null ? input
                    : "?"), nullIfEmpty(Json.clip(join(detail, output))));
            case "address", "account" -> new Evidence(EvidenceType.ADDRESS, Json.clip(target != null ? target
                    : input != null ? input : "?"), nullIfEmpty(Json.clip(detail)));
            case "code" -> new Evidence(EvidenceType.VALUE, Json.clip(output != null ? output : "?"),
                    Json.clip(join(detail != null ? detail : "code hash", target == null ? null : "of " + target)));
            default -> Evidence.note(Json.clip(join(join(type, detail), join(target, join(input, output)))));
        };
    }

    private static String join(@Nullable String a, @Nullable String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static @Nullable String nullIfEmpty(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String percent(double bps) {
        return plain(bps / 100);
    }

    static String plain(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static String usd(double value) {
        return String.format(Locale.ROOT, "%,.0f USD", value);
    }

    private static String unix(String seconds) {
        try {
            return java.time.Instant.ofEpochSecond(Long.parseLong(seconds.trim())).toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Json.clip(seconds);
        }
    }
}
