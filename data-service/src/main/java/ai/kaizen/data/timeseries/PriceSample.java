package ai.kaizen.data.timeseries;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code chain.token_prices}: the token's price and liquidity at one block. {@code time} is that block's
 * timestamp, so collecting twice at the same block appends one sample, not two. {@code marketCap} is the price times
 * the circulating supply (total supply minus burned).
 */
public record PriceSample(Instant time, String network, String contractAddress, @Nullable BigDecimal priceUsd,
                          @Nullable BigDecimal marketCap, @Nullable BigDecimal liquidityUsd,
                          @Nullable Integer holderCount, String dataSource) {

    public static final String DEX_ONCHAIN = "dex-onchain";
}
