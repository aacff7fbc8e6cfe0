/**
 * Liquidity: pools against wrapped native and stablecoins, reserves, USD values from on-chain prices, LP burned,
 * locked (with unlock times read from the lockers) and unlocked shares. {@link ai.kaizen.data.liquidity.PoolFinder}
 * is also how trade simulation picks the pool to trade through.
 */
@NullMarked
package ai.kaizen.data.liquidity;

import org.jspecify.annotations.NullMarked;
