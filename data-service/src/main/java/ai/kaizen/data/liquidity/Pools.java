package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.util.List;

import ai.kaizen.data.facts.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * Every pool found for a token, the deepest first in {@code deepest}, and the on-chain native price used.
 *
 * @param pools     pools with liquidity or not, in discovery order (DEX, then wrapped native, then stablecoins)
 * @param deepest   the pool with the most quote-side USD value (or quote reserve when no USD price is known); null
 *                  when there is no non-empty pool
 * @param nativeUsd USD per whole wrapped native coin, from the deepest wrapped-native/stablecoin pool; null when none
 * @param notes     why something could not be read or valued (a DEX kind not supported, no price path)
 * @param failure   set when the node could not be read at all: nothing here is reliable then
 */
public record Pools(List<Pool> pools, @Nullable Pool deepest, @Nullable BigDecimal nativeUsd,
                    @Nullable String nativeUsdSource, List<Evidence> evidence, List<String> notes,
                    @Nullable String failure) {
}
