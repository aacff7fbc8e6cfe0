package ai.kaizen.analysis.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.kaizen.analysis.scoring.ScoringRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The devnet zoo (devnet/manifest.json) as data-service reports it: one facts document per token with the manifest's
 * behaviours as signals, its pools as the liquidity section and its holders as the distribution. Tests use it to
 * check the mapping against the manifest's expectations without a running chain.
 */
public final class DevnetZoo {

    public static final Path MANIFEST = Path.of("..", "devnet", "manifest.json");
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private DevnetZoo() {
    }

    public static JsonNode manifest() throws IOException {
        return JSON.readTree(Files.readAllBytes(MANIFEST));
    }

    public static List<JsonNode> tokens() throws IOException {
        return new ArrayList<>(manifest().path("tokens").values());
    }

    /** The scoring rules with the manifest's trusted tokens on the trust list (as application.yml configures them). */
    public static ScoringRules rules() throws IOException {
        List<ScoringRules.TrustedToken> trusted = new ArrayList<>();
        for (JsonNode token : tokens()) {
            if (token.path("trusted").asBoolean()) {
                trusted.add(new ScoringRules.TrustedToken("devnet", token.path("address").asString(),
                        token.path("name").asString()));
            }
        }
        return ScoringRules.defaults().withTrustedTokens(trusted);
    }

    /** What data-service would answer at standard depth for this token, with every check run. */
    public static ObjectNode facts(JsonNode token) throws IOException {
        Set<String> eoas = accounts();
        ObjectNode facts = JSON.createObjectNode();
        facts.put("network", "devnet");
        facts.put("chainId", 31337);
        facts.put("address", token.path("address").asString());
        facts.put("depth", "standard");
        facts.put("collectedAt", "2026-01-01T00:00:00Z");
        facts.put("blockNumber", 633);
        facts.put("complete", true);
        ObjectNode metadata = facts.putObject("token");
        metadata.put("isToken", true);
        metadata.put("name", token.path("name").asString());
        metadata.put("symbol", token.path("symbol").asString());
        metadata.put("decimals", token.path("decimals").asInt());
        metadata.put("totalSupply", token.path("totalSupply").asString());
        facts.putObject("bytecode").put("size", 1000);
        ObjectNode proxy = facts.putObject("proxy");
        proxy.put("kind", "none");
        proxy.put("upgradeable", false);
        ObjectNode ownership = facts.putObject("ownership");
        String owner = token.path("owner").isString() ? token.path("owner").asString() : null;
        if (owner == null) {
            ownership.putNull("owner");
            ownership.put("renounced", false);
        } else if (owner.equals("0x0000000000000000000000000000000000000000")) {
            ownership.putObject("owner").put("address", owner).put("kind", "burn");
            ownership.put("renounced", true);
        } else {
            ownership.putObject("owner").put("address", owner).put("kind", eoas.contains(owner) ? "eoa" : "contract");
            ownership.put("renounced", false);
        }
        ownership.putArray("privileged");
        facts.putObject("creator").put("address", token.path("deployer").asString());
        ArrayNode signals = facts.putArray("signals");
        for (JsonNode behaviour : token.path("behaviours").values()) {
            ObjectNode signal = signals.addObject();
            signal.put("code", behaviour.path("code").asString());
            ObjectNode params = signal.putObject("params");
            behaviour.properties().forEach(e -> {
                if (!e.getKey().equals("code")) {
                    params.set(e.getKey(), e.getValue());
                }
            });
            signal.putArray("evidence");
            if (behaviour.path("code").asString().equals("upgradeable_proxy")) {
                proxy.put("kind", "eip1967");
                proxy.put("upgradeable", true);
                proxy.put("implementation", behaviour.path("implementation").asString());
                proxy.put("admin", behaviour.path("admin").asString());
            }
            if (behaviour.path("code").asString().equals("minimal_proxy")) {
                proxy.put("kind", "eip1167");
                proxy.put("upgradeable", false);
                proxy.put("implementation", behaviour.path("implementation").asString());
            }
        }
        ObjectNode liquidity = facts.putObject("liquidity");
        double usd = 0;
        ArrayNode pairs = liquidity.putArray("pairs");
        for (JsonNode pool : token.path("pools").values()) {
            usd += pool.path("liquidityUsd").asDouble();
            pairs.add(pool);
        }
        liquidity.put("totalUSD", usd);
        JsonNode lp = token.path("pools").path(0).path("lp");
        liquidity.put("burnedPercent", lp.path("burnedBps").asDouble() / 100);
        liquidity.put("lockedPercent", lp.path("lockedBps").asDouble() / 100);
        liquidity.put("unlockedPercent", lp.path("unlockedBps").asDouble() / 100);
        ObjectNode holders = facts.putObject("holders");
        holders.put("holderCount", token.path("holders").path("count").asInt());
        holders.put("top10Percentage", token.path("holders").path("top10Bps").asDouble() / 100);
        holders.set("topHolders", token.path("holders").path("top"));
        ArrayNode coverage = facts.putArray("coverage");
        for (String check : List.of("code", "metadata", "bytecode", "proxy", "ownership", "creator", "simulation",
                "privileges", "liquidity", "holders")) {
            coverage.addObject().put("check", check).put("status", "ran");
        }
        facts.putObject("rpc").put("roundTrips", 12);
        return facts;
    }

    private static Set<String> accounts() throws IOException {
        java.util.HashSet<String> addresses = new java.util.HashSet<>();
        JsonNode accounts = manifest().path("accounts");
        accounts.properties().forEach(e -> collect(e.getValue(), addresses));
        return addresses;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isString() && node.asString().startsWith("0x") && node.asString().length() == 42) {
            into.add(node.asString());
        } else if (node.isContainer()) {
            node.values().forEach(child -> collect(child, into));
        }
    }
}
