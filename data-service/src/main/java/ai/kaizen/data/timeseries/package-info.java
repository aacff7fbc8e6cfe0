/** Appends price/liquidity samples and token events to the chain schema's time-series tables. */
@NullMarked
package ai.kaizen.data.timeseries;

import org.jspecify.annotations.NullMarked;
