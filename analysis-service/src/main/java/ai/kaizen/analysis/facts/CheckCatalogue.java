package ai.kaizen.analysis.facts;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.kaizen.analysis.scoring.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * Every check an analysis can plan, with the pillar it informs and its weight within that pillar (how much of the
 * pillar's evidence it carries). The data-service checks come from its {@code coverage}; intel and social are planned
 * only at comprehensive depth (SPEC: quick and standard do not look beyond the chain). Weight 0 marks checks that are
 * listed for transparency but carry no risk evidence of their own (the code read, the creator record).
 */
public final class CheckCatalogue {

    /**
     * @param id      the Kaizen check id shown in {@code coverage}
     * @param pillar  the pillar it informs
     * @param weight  its weight within the pillar
     * @param section the facts section it must deliver when it ran ({@code signals} for the simulation and the
     *                privilege probes), or null
     */
    public record Definition(String id, Pillar pillar, double weight, @Nullable String section) {
    }

    /** data-service check name → definition, in data-service's order. */
    public static final Map<String, Definition> DATA_SERVICE_CHECKS;

    static {
        Map<String, Definition> checks = new LinkedHashMap<>();
        checks.put("code", new Definition("evm.code", Pillar.TECHNICAL, 0, null));
        checks.put("metadata", new Definition("evm.metadata", Pillar.TECHNICAL, 1, "token"));
        checks.put("bytecode", new Definition("evm.bytecode", Pillar.TECHNICAL, 2, "bytecode"));
        checks.put("simulation", new Definition("evm.sell-simulation", Pillar.TECHNICAL, 3, "signals"));
        checks.put("privileges", new Definition("evm.privilege-probe", Pillar.TECHNICAL, 2, "signals"));
        checks.put("proxy", new Definition("evm.proxy", Pillar.GOVERNANCE, 1, "proxy"));
        checks.put("ownership", new Definition("evm.ownership", Pillar.GOVERNANCE, 2, "ownership"));
        checks.put("creator", new Definition("evm.creator", Pillar.GOVERNANCE, 0, "creator"));
        checks.put("liquidity", new Definition("evm.liquidity", Pillar.ECONOMIC, 2, "liquidity"));
        checks.put("holders", new Definition("evm.holders", Pillar.ECONOMIC, 1, "holders"));
        DATA_SERVICE_CHECKS = java.util.Collections.unmodifiableMap(checks);
    }

    /** Deployer history, labels and sanctions from intel-service (comprehensive). */
    public static final Definition INTEL_DEPLOYER = new Definition("intel.deployer", Pillar.GOVERNANCE, 1, null);

    /** Sentiment, mentions and manipulation from social-service (comprehensive). */
    public static final Definition SOCIAL_MENTIONS = new Definition("social.mentions", Pillar.SOCIAL, 1, null);

    /** The on-chain checks only comprehensive depth runs (holder sell replay), while they still run in the background. */
    public static final Definition COMPREHENSIVE_FACTS = new Definition("evm.comprehensive", Pillar.TECHNICAL, 0, null);

    private CheckCatalogue() {
    }

    /** The definition of a data-service check; one this version does not know is listed with weight 0. */
    public static Definition ofDataCheck(String check) {
        Definition known = DATA_SERVICE_CHECKS.get(check);
        return known != null ? known : new Definition("evm." + check, Pillar.TECHNICAL, 0, null);
    }
}
