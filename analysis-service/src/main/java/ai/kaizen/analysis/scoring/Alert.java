package ai.kaizen.analysis.scoring;

/**
 * An alert as the seed's API shows it.
 *
 * @param level    {@code critical}, {@code high}, {@code medium}, {@code low} or {@code info}
 * @param message  plain-language text
 * @param category the pillar ({@code technical}, {@code economic}, {@code governance}, {@code social})
 */
public record Alert(String level, String message, String category) {
}
