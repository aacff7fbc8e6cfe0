/**
 * {@code data updated} events: after each standard or comprehensive collection the token's score-relevant
 * fingerprint is compared with the previous one (kept in {@code chain.token_snapshots}), and a change is published as
 * {@link ai.kaizen.common.events.TokenDataUpdated} through the transactional outbox, in the same transaction.
 */
@NullMarked
package ai.kaizen.data.updates;

import org.jspecify.annotations.NullMarked;
