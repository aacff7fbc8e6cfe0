package ai.kaizen.analysis.analyze;

import java.time.Instant;
import java.util.UUID;

import ai.kaizen.analysis.scoring.Breakdown;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** The few fields of a stored or cached answer that the service itself reads back (the rest is skipped). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalysisSummary(@Nullable UUID analysisId, String contractAddress, String network, String depth,
                              int kaizenScore, String riskLevel, double confidence, Breakdown breakdown,
                              Metadata metadata, String status) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(Instant analyzedAt) {
    }

    public Depth parsedDepth() {
        return Depth.parse(depth);
    }
}
