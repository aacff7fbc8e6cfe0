package ai.kaizen.data.logs;

import java.util.List;

import ai.kaizen.data.rpc.RpcException;

/** Logs of an inclusive block range; throws when the provider refuses or fails. */
@FunctionalInterface
public interface LogSource {

    List<LogEntry> logs(long fromBlock, long toBlock) throws RpcException;
}
