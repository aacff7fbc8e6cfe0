/**
 * Holder distribution from Transfer logs (fetched with adaptive block-range splitting) and balanceOf, excluding
 * pools, burn, zero, locker addresses and the token itself; top-10, owner and creator shares; mints after launch;
 * holders who lost tokens in transactions they did not authorize (siphoned holders).
 */
@NullMarked
package ai.kaizen.data.holders;

import org.jspecify.annotations.NullMarked;
