/** The chain registry: every EVM network Kaizen knows, by name, from configuration and (for the devnet) a manifest. */
@NullMarked
package ai.kaizen.data.chain;

import org.jspecify.annotations.NullMarked;
