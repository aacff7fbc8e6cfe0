package ai.kaizen.data.signals;

import java.util.List;
import java.util.Map;

import ai.kaizen.data.facts.Evidence;

/**
 * One behaviour signal. {@code code} is a behaviour code of the devnet vocabulary (devnet/scripts/vocabulary.js),
 * plus {@code cannot_sell_all} and {@code sell_gas_abnormal} which that vocabulary has no token for; {@code kind}
 * is capability (the token can), evidence (it did, in a simulation or on chain) or governance; {@code params} use
 * the vocabulary's parameter names.
 */
public record Signal(String code, String kind, Map<String, Object> params, List<Evidence> evidence) {

    public static final String CAPABILITY = "capability";
    public static final String EVIDENCE = "evidence";
    public static final String GOVERNANCE = "governance";
}
