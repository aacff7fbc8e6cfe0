package ai.kaizen.data.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.kaizen.data.rpc.RpcException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches logs over a block range in windows. When the provider caps a query ("query returned more than 10000
 * results", "block range is too wide", a reply over our size limit, a timeout) the window is halved — or cut to the
 * range the provider suggests — and retried, down to a single block; after each success the window grows back.
 * Stops at {@code maxLogs} and says so.
 */
public final class LogRangeFetcher {

    /** What was fetched: the logs in block order, how many requests and splits it took, and whether it stopped early. */
    public record Result(List<LogEntry> logs, int requests, int splits, boolean truncated, long lastBlock) {
    }

    private static final Pattern SUGGESTED = Pattern.compile("\\[\\s*(0x[0-9a-fA-F]+)\\s*,\\s*(0x[0-9a-fA-F]+)\\s*]");
    private static final List<String> CAP_WORDS = List.of("more than", "too many", "limit exceeded", "response size",
            "block range", "range too", "range is too", "exceed", "query timeout", "too large", "max results",
            "returned more", "10000");

    private final long maxSpan;
    private final int maxLogs;

    public LogRangeFetcher(long maxSpan, int maxLogs) {
        if (maxSpan < 1 || maxLogs < 1) {
            throw new IllegalArgumentException("maxSpan and maxLogs must be positive");
        }
        this.maxSpan = maxSpan;
        this.maxLogs = maxLogs;
    }

    public Result fetch(LogSource source, long fromBlock, long toBlock) throws RpcException {
        if (fromBlock < 0 || toBlock < fromBlock) {
            throw new IllegalArgumentException("need 0 <= fromBlock <= toBlock");
        }
        List<LogEntry> logs = new ArrayList<>();
        int requests = 0;
        int splits = 0;
        long cursor = fromBlock;
        long span = maxSpan;
        while (cursor <= toBlock) {
            long end = Math.min(toBlock, cursor + span - 1);
            requests++;
            try {
                List<LogEntry> window = source.logs(cursor, end);
                logs.addAll(window);
                if (logs.size() >= maxLogs) {
                    return new Result(List.copyOf(logs.subList(0, maxLogs)), requests, splits, true, end);
                }
                cursor = end + 1;
                span = Math.min(maxSpan, span * 2);
            } catch (RpcException e) {
                if (!capped(e)) {
                    throw e;
                }
                if (end == cursor) {
                    throw new RpcException(e.kind(), "block " + cursor + " alone has more logs than the provider "
                            + "returns: " + e.getMessage(), e);
                }
                long suggestedEnd = suggestedEnd(e, cursor, end);
                span = suggestedEnd > 0 ? suggestedEnd - cursor + 1 : Math.max(1, (end - cursor + 1) / 2);
                splits++;
            }
        }
        return new Result(List.copyOf(logs), requests, splits, false, toBlock);
    }

    /** Whether the failure means "ask for less" rather than "the provider is broken". */
    static boolean capped(RpcException e) {
        if (e.kind() == RpcException.Kind.OVERSIZED || e.kind() == RpcException.Kind.TIMEOUT) {
            return true;
        }
        if (e.kind() != RpcException.Kind.RPC_ERROR) {
            return false;
        }
        long code = e.error() == null ? 0 : e.error().code();
        String message = (e.getMessage() + " " + (e.error() != null && e.error().data() != null ? e.error().data() : ""))
                .toLowerCase(Locale.ROOT);
        return code == -32005 || CAP_WORDS.stream().anyMatch(message::contains);
    }

    /** The end of the range the provider suggests ("Try with this block range [0x1, 0x2]"), if it is a usable cut. */
    private static long suggestedEnd(RpcException e, long cursor, long end) {
        String text = e.getMessage() + (e.error() != null && e.error().data() != null ? " " + e.error().data() : "");
        Matcher matcher = SUGGESTED.matcher(text);
        if (!matcher.find()) {
            return -1;
        }
        Long from = parse(matcher.group(1));
        Long to = parse(matcher.group(2));
        if (from == null || to == null || from != cursor || to < cursor || to >= end) {
            return -1;
        }
        return to;
    }

    private static @Nullable Long parse(String hex) {
        try {
            return Long.parseLong(hex.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
