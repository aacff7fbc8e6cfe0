/** A small JSON-RPC 2.0 client for EVM nodes that treats every reply as untrusted: size limits, timeouts, schema checks, retries. */
@NullMarked
package ai.kaizen.data.rpc;

import org.jspecify.annotations.NullMarked;
