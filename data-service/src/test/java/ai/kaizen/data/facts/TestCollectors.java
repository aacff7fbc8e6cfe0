package ai.kaizen.data.facts;

import java.time.Clock;
import java.util.Optional;

import ai.kaizen.data.clones.CodeIndex;
import ai.kaizen.data.holders.HoldersProperties;
import ai.kaizen.data.market.MarketCollector;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.signals.BehaviourCollector;
import ai.kaizen.data.timeseries.TimeSeriesProperties;
import ai.kaizen.data.timeseries.TimeSeriesWriter;
import ai.kaizen.migrations.DatabaseTarget;
import ai.kaizen.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** The facts collector wired as data-service wires it, for tests that use it without the Spring context. */
final class TestCollectors {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestCollectors() {
    }

    /** Default settings, no time-series writes, an in-memory code index. */
    static FactsCollector collector(JsonRpcClient client) {
        return collector(client, new TimeSeriesWriter(null, null, MAPPER, TimeSeriesProperties.defaults(),
                Clock.systemUTC()), null);
    }

    /** Default settings with the given time-series writer and code index (null: an in-memory one). */
    static FactsCollector collector(JsonRpcClient client, TimeSeriesWriter writer, @Nullable CodeIndex codeIndex) {
        RpcProperties properties = RpcProperties.defaults();
        ExplorerClient explorer = new ExplorerClient(properties, MAPPER);
        MarketCollector market = new MarketCollector(HoldersProperties.defaults(), writer, client, Clock.systemUTC());
        BehaviourCollector behaviour = new BehaviourCollector(properties, Optional.empty());
        return codeIndex == null
                ? new FactsCollector(client, explorer, market, behaviour, Optional.empty())
                : new FactsCollector(client, explorer, market, behaviour, codeIndex, Optional.empty());
    }

    /** The migrated test database, connected with the chain schema first on the search path. */
    static DriverManagerDataSource chainSchema() {
        DatabaseTarget target = TestDatabase.migrated();
        return new DriverManagerDataSource(target.url() + "?currentSchema=chain", target.user(), target.password());
    }
}
