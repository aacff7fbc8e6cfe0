package ai.kaizen.data.facts;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcProperties;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Etherscan-compatible explorer API ({@code module=contract&action=getcontractcreation}), used for the creator
 * when the node has no otterscan API. Replies are bounded (256 KiB) and schema-checked.
 */
@Component
class ExplorerClient {

    /** A creation record: deployer and transaction. */
    record Creation(EvmAddress creator, @Nullable String transactionHash, String url) {
    }

    static final class ExplorerException extends Exception {
        final boolean transientFault;

        ExplorerException(String message, boolean transientFault) {
            super(message, null, false, false);
            this.transientFault = transientFault;
        }
    }

    private static final long MAX_BODY = 256 * 1024;

    private final OkHttpClient http;
    private final JsonMapper mapper;
    private final RetryConfig retryConfig;

    ExplorerClient(RpcProperties properties, JsonMapper mapper) {
        this.mapper = mapper;
        this.http = new OkHttpClient.Builder()
                .callTimeout(properties.callTimeout())
                .connectTimeout(properties.connectTimeout())
                .followRedirects(false)
                .build();
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(Math.max(1, Math.min(3, properties.maxAttempts())))
                .retryOnException(e -> e instanceof ExplorerException explorer && explorer.transientFault)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        properties.initialBackoff().toMillis(), 2.0, 0.5, properties.maxBackoff().toMillis()))
                .build();
    }

    /** The creation record, empty when the explorer has none; counts each HTTP request in {@code calls}. */
    Optional<Creation> contractCreation(Chain chain, EvmAddress contract, java.util.concurrent.atomic.AtomicInteger calls)
            throws ExplorerException {
        Chain.Explorer explorer = chain.explorer();
        if (explorer == null) {
            throw new ExplorerException("no explorer API is configured for " + chain.name(), false);
        }
        HttpUrl base = HttpUrl.parse(explorer.apiUrl().toString());
        if (base == null) {
            throw new ExplorerException("the explorer API URL is not an http(s) URL", false);
        }
        HttpUrl.Builder url = base.newBuilder()
                .addQueryParameter("chainid", Long.toString(chain.chainId()))
                .addQueryParameter("module", "contract")
                .addQueryParameter("action", "getcontractcreation")
                .addQueryParameter("contractaddresses", contract.toLowerHex());
        if (explorer.apiKey() != null) {
            url.addQueryParameter("apikey", explorer.apiKey());
        }
        Request request = new Request.Builder().url(url.build()).header("Accept", "application/json").get().build();
        String shownUrl = base.newBuilder().query(null).build().toString();
        try {
            JsonNode body = Retry.of("explorer-" + chain.name(), retryConfig).executeCallable(() -> {
                calls.incrementAndGet();
                return fetch(request);
            });
            return parse(body, contract, shownUrl);
        } catch (ExplorerException e) {
            throw e;
        } catch (Exception e) {
            throw new ExplorerException("explorer request failed: " + e.getMessage(), false);
        }
    }

    private JsonNode fetch(Request request) throws ExplorerException {
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 429 || response.code() >= 500) {
                throw new ExplorerException("explorer answered HTTP " + response.code(), true);
            }
            if (response.code() != 200) {
                throw new ExplorerException("explorer answered HTTP " + response.code(), false);
            }
            BufferedSource source = response.body().source();
            if (source.request(MAX_BODY + 1)) {
                throw new ExplorerException("explorer reply exceeds " + MAX_BODY + " bytes", false);
            }
            return mapper.readTree(source.getBuffer().readByteArray());
        } catch (InterruptedIOException e) {
            throw new ExplorerException("explorer did not answer in time", true);
        } catch (IOException e) {
            throw new ExplorerException("could not reach the explorer: " + e.getMessage(), true);
        } catch (JacksonException e) {
            throw new ExplorerException("explorer reply is not valid JSON", false);
        }
    }

    private static Optional<Creation> parse(JsonNode body, EvmAddress contract, String url) throws ExplorerException {
        JsonNode result = body.path("result");
        if (!"1".equals(body.path("status").asString(""))) {
            String message = result.isString() ? result.stringValue() : body.path("message").asString("");
            if (message.toLowerCase(java.util.Locale.ROOT).contains("no data found")) {
                return Optional.empty();
            }
            boolean rateLimited = message.toLowerCase(java.util.Locale.ROOT).contains("rate limit");
            throw new ExplorerException("explorer refused: " + clip(message), rateLimited);
        }
        if (!result.isArray()) {
            throw new ExplorerException("explorer reply has no result list", false);
        }
        for (JsonNode item : result) {
            EvmAddress address = EvmAddress.tryParse(item.path("contractAddress").asString(""));
            EvmAddress creator = EvmAddress.tryParse(item.path("contractCreator").asString(""));
            String hash = item.path("txHash").asString("");
            if (contract.equals(address) && creator != null) {
                return Optional.of(new Creation(creator,
                        Hex.isHex(hash) && hash.length() == 66 ? hash.toLowerCase(java.util.Locale.ROOT) : null, url));
            }
        }
        return Optional.empty();
    }

    private static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 160 ? clean.substring(0, 160) + "…" : clean;
    }
}
