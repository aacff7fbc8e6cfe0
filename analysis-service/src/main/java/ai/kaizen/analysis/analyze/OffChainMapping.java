package ai.kaizen.analysis.analyze;

import java.util.ArrayList;
import java.util.List;

import ai.kaizen.analysis.facts.CheckCatalogue;
import ai.kaizen.analysis.scoring.CoverageCheck;
import ai.kaizen.analysis.scoring.Evidence;
import ai.kaizen.analysis.scoring.Finding;
import ai.kaizen.analysis.scoring.FindingCode;
import ai.kaizen.analysis.scoring.ScoringRules;
import ai.kaizen.analysis.scoring.Severity;
import ai.kaizen.analysis.upstream.IntelClient;
import ai.kaizen.analysis.upstream.SocialClient;

/**
 * What intel-service and social-service said, as findings and one coverage check each. A service that is down makes
 * its check failed (with the reason) and adds nothing: unknown is never safe, and nothing is invented.
 */
final class OffChainMapping {

    /** The findings and the check of one off-chain source, and what the API's social block shows. */
    record Part(List<Finding> findings, CoverageCheck check, AnalysisResponse.SocialView social) {
    }

    private final ScoringRules rules;

    OffChainMapping(ScoringRules rules) {
        this.rules = rules;
    }

    static Part intelSkipped(String reason) {
        CheckCatalogue.Definition check = CheckCatalogue.INTEL_DEPLOYER;
        return new Part(List.of(), CoverageCheck.skipped(check.id(), check.pillar(), reason, check.weight()),
                AnalysisResponse.SocialView.NOT_COLLECTED);
    }

    Part intel(IntelClient.Answer answer) {
        CheckCatalogue.Definition check = CheckCatalogue.INTEL_DEPLOYER;
        if (answer instanceof IntelClient.Answer.Unavailable unavailable) {
            return new Part(List.of(), CoverageCheck.failed(check.id(), check.pillar(), unavailable.reason(),
                    check.weight()), AnalysisResponse.SocialView.NOT_COLLECTED);
        }
        IntelClient.IntelReport report = ((IntelClient.Answer.Found) answer).report();
        List<Finding> findings = new ArrayList<>();
        List<Evidence> labels = new ArrayList<>();
        labels.add(Evidence.address(report.address(), "deployer"));
        for (IntelClient.Label label : report.labels()) {
            labels.add(Evidence.value(label.name(), "intel label" + (label.category() == null ? "" : " (" + label.category()
                    + ")") + (label.source() == null ? "" : " from " + label.source())));
        }
        if (report.sanctioned()) {
            findings.add(Finding.of(FindingCode.DEPLOYER_SANCTIONED, "The deployer " + report.address()
                    + " is on a sanctions list", labels.toArray(Evidence[]::new)));
        }
        if (report.mixerFunded()) {
            findings.add(Finding.of(FindingCode.DEPLOYER_MIXER_FUNDED, "The deployer " + report.address()
                    + " was funded through a mixer", labels.toArray(Evidence[]::new)));
        }
        Integer rugs = report.previousRugs();
        if (rugs != null && rugs > 0) {
            List<Evidence> evidence = new ArrayList<>(labels);
            evidence.add(Evidence.value(Integer.toString(rugs), "earlier tokens that ended as rugs or honeypots"
                    + (report.tokensDeployed() == null ? "" : " (of " + report.tokensDeployed() + " deployed)")));
            findings.add(Finding.measured(FindingCode.DEPLOYER_PREVIOUS_RUGS, rugs, "The deployer launched " + rugs
                    + " token" + (rugs == 1 ? "" : "s") + " before that ended as rugs or honeypots",
                    evidence.toArray(Evidence[]::new)));
        }
        return new Part(findings, CoverageCheck.ran(check.id(), check.pillar(), check.weight()),
                AnalysisResponse.SocialView.NOT_COLLECTED);
    }

    Part social(SocialClient.Answer answer) {
        CheckCatalogue.Definition check = CheckCatalogue.SOCIAL_MENTIONS;
        if (answer instanceof SocialClient.Answer.Unavailable unavailable) {
            return new Part(List.of(), CoverageCheck.failed(check.id(), check.pillar(), unavailable.reason(),
                    check.weight()), AnalysisResponse.SocialView.NOT_COLLECTED);
        }
        SocialClient.SocialSummary summary = ((SocialClient.Answer.Found) answer).summary();
        if (!summary.collected()) {
            return new Part(List.of(), CoverageCheck.skipped(check.id(), check.pillar(),
                    summary.reason() == null ? "social-service has collected nothing for this token" : summary.reason(),
                    check.weight()), AnalysisResponse.SocialView.NOT_COLLECTED);
        }
        List<Finding> findings = new ArrayList<>();
        Double risk = summary.manipulationRisk();
        if (risk != null && costs(FindingCode.SOCIAL_MANIPULATION, risk)) {
            findings.add(Finding.measured(FindingCode.SOCIAL_MANIPULATION, risk, "Mentions of the token show "
                    + "signs of manipulation (risk " + risk + " on 0–1)", Evidence.value(Double.toString(risk),
                    "manipulation risk 0–1 from social-service")));
        }
        Double sentiment = summary.sentiment();
        if (sentiment != null && costs(FindingCode.SOCIAL_NEGATIVE_SENTIMENT, sentiment)) {
            findings.add(Finding.measured(FindingCode.SOCIAL_NEGATIVE_SENTIMENT, sentiment, "People talking about "
                    + "the token are mostly negative (sentiment " + sentiment + " on 0–1)",
                    Evidence.value(Double.toString(sentiment), "sentiment 0–1 from social-service"
                            + (summary.mentions24h() == null ? "" : ", " + summary.mentions24h() + " mentions in 24 h"))));
        }
        return new Part(findings, CoverageCheck.ran(check.id(), check.pillar(), check.weight()),
                new AnalysisResponse.SocialView(sentiment, summary.mentions24h(), risk, true));
    }

    static Part socialSkipped(String reason) {
        CheckCatalogue.Definition check = CheckCatalogue.SOCIAL_MENTIONS;
        return new Part(List.of(), CoverageCheck.skipped(check.id(), check.pillar(), reason, check.weight()),
                AnalysisResponse.SocialView.NOT_COLLECTED);
    }

    /** Measured values that cost nothing (below every band) are not reported as findings. */
    private boolean costs(FindingCode code, double measure) {
        return rules.grade(code.code(), measure, Severity.INFO) != Severity.INFO;
    }
}
