/**
 * Re-scoring on new on-chain data: data-service's {@code data.token-updated} event (stream {@code events:data})
 * queues a re-score on the scoring queue ({@code queue:scoring}) when someone watches the token (kept from
 * user-service's watchlist events on {@code events:watchlists}) or analysed it recently; the scoring worker then
 * analyses it afresh under analysis-service's own credential, which stores, caches and publishes as usual.
 */
@NullMarked
package ai.kaizen.analysis.rescore;

import org.jspecify.annotations.NullMarked;
