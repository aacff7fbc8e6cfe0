package ai.kaizen.analysis.facts;

import java.util.List;
import java.util.Map;

import ai.kaizen.analysis.scoring.CoverageCheck;
import ai.kaizen.analysis.scoring.Evidence;
import ai.kaizen.analysis.scoring.Finding;
import org.jspecify.annotations.Nullable;

/**
 * What the facts say in the engine's terms.
 *
 * @param findings       every finding, unscored
 * @param coverage       every data-service check with its Kaizen id, pillar, weight and status
 * @param origins        which signal (vocabulary code) produced a finding; findings from the sections have none
 * @param unknownSignals signal codes this version does not map (reported, not scored)
 */
public record MappedFacts(List<Finding> findings, List<CoverageCheck> coverage, Map<FindingKey, String> origins,
                          List<String> unknownSignals) {

    public MappedFacts {
        findings = List.copyOf(findings);
        coverage = List.copyOf(coverage);
        origins = Map.copyOf(origins);
        unknownSignals = List.copyOf(unknownSignals);
    }

    /** The signal a finding came from (the engine grades and prices findings but keeps code, message and evidence). */
    public @Nullable String signalOf(Finding finding) {
        return origins.get(FindingKey.of(finding));
    }

    /** What identifies a finding across scoring. */
    public record FindingKey(String code, String message, List<Evidence> evidence) {

        public static FindingKey of(Finding finding) {
            return new FindingKey(finding.code(), finding.message(), finding.evidence());
        }
    }
}
