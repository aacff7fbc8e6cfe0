package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.holders.HoldersProperties;
import ai.kaizen.data.market.MarketCollector;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.timeseries.TimeSeriesProperties;
import ai.kaizen.data.timeseries.TimeSeriesWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.util.unit.DataSize;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Facts collected from a real anvil node with real deployed contracts (OpenZeppelin ERC20/Ownable/AccessControl,
 * TransparentUpgradeableProxy, BeaconProxy, TimelockController, an EIP-1822 proxy, an EIP-1167 clone, a Safe-like
 * multisig). Skips only when the anvil binary is absent.
 */
@EnabledIf(value = "anvilAvailable", disabledReason = "anvil binary not found at devnet/node_modules/@foundry-rs/"
        + "anvil-linux-amd64/bin/anvil (run npm ci in devnet/, or set KAIZEN_ANVIL_BIN): anvil integration tests skipped")
class AnvilFactsTests {

    private static final BigInteger SUPPLY = new BigInteger("1000000000000000000000000");

    private static AnvilNode anvil;
    private static FactsCollector collector;
    private static Chain chain;
    private static Chain chainWithoutMulticall;
    private static EvmAddress multicall;
    private static EvmAddress owned;
    private static EvmAddress renounced;
    private static EvmAddress safeOwned;
    private static EvmAddress safe;
    private static EvmAddress timelockOwned;
    private static EvmAddress timelock;
    private static EvmAddress roles;
    private static EvmAddress implementation;
    private static EvmAddress transparent;
    private static EvmAddress beacon;
    private static EvmAddress beaconProxy;
    private static EvmAddress proxiable;
    private static EvmAddress clone;

    static boolean anvilAvailable() {
        return AnvilNode.available();
    }

    @BeforeAll
    static void deploy() throws Exception {
        anvil = AnvilNode.start();
        multicall = anvil.deploy("KzMulticall3");
        owned = anvil.deploy("KzOwnedToken", new Utf8String("Kaizen Owned"), new Utf8String("KZO"), new Uint256(SUPPLY));
        renounced = anvil.deploy("KzOwnedToken", new Utf8String("Kaizen Renounced"), new Utf8String("KZX"),
                new Uint256(SUPPLY));
        anvil.transact(AnvilNode.DEPLOYER, renounced, Abi.call("renounceOwnership"));

        safe = anvil.deploy("KzMiniSafe", new DynamicArray<>(Address.class, List.of(Abi.address(AnvilNode.DEPLOYER),
                Abi.address(AnvilNode.SECOND), Abi.address(AnvilNode.THIRD))), new Uint256(2));
        safeOwned = anvil.deploy("KzOwnedToken", new Utf8String("Kaizen Safe"), new Utf8String("KZS"), new Uint256(SUPPLY));
        anvil.transact(AnvilNode.DEPLOYER, safeOwned, Abi.call("transferOwnership", Abi.address(safe)));

        timelock = anvil.deploy("TimelockController", new Uint256(3600),
                new DynamicArray<>(Address.class, List.of(Abi.address(AnvilNode.DEPLOYER))),
                new DynamicArray<>(Address.class, List.of(Abi.address(AnvilNode.DEPLOYER))), Abi.address(AnvilNode.DEPLOYER));
        timelockOwned = anvil.deploy("KzOwnedToken", new Utf8String("Kaizen Timelock"), new Utf8String("KZT"),
                new Uint256(SUPPLY));
        anvil.transact(AnvilNode.DEPLOYER, timelockOwned, Abi.call("transferOwnership", Abi.address(timelock)));

        roles = anvil.deploy("KzRolesToken");

        implementation = anvil.deploy("KzImplToken");
        transparent = anvil.deploy("TransparentUpgradeableProxy", Abi.address(implementation),
                Abi.address(AnvilNode.DEPLOYER), new DynamicBytes(initialize("Kaizen Proxy", "KZP", AnvilNode.SECOND)));
        beacon = anvil.deploy("UpgradeableBeacon", Abi.address(implementation), Abi.address(AnvilNode.DEPLOYER));
        beaconProxy = anvil.deploy("BeaconProxy", Abi.address(beacon),
                new DynamicBytes(initialize("Kaizen Beacon", "KZB", AnvilNode.SECOND)));
        proxiable = anvil.deploy("KzProxiable1822", Abi.address(implementation));
        anvil.transact(AnvilNode.DEPLOYER, proxiable, initialize("Kaizen 1822", "KZU", AnvilNode.SECOND));
        clone = anvil.deployCode("3d602d80600a3d3981f3363d3d373d3d3d363d73" + implementation.toLowerHex().substring(2)
                + "5af43d82803e903d91602b57fd5bf3");
        anvil.transact(AnvilNode.DEPLOYER, clone, initialize("Kaizen Clone", "KZC", AnvilNode.THIRD));

        JsonMapper mapper = JsonMapper.builder().build();
        RpcProperties properties = new RpcProperties(Duration.ofSeconds(20), Duration.ofSeconds(2),
                DataSize.ofMegabytes(4), 2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1), 50);
        JsonRpcClient client = new JsonRpcClient(properties, mapper, new SimpleMeterRegistry());
        collector = new FactsCollector(client, new ExplorerClient(properties, mapper),
                new MarketCollector(HoldersProperties.defaults(), new TimeSeriesWriter(null, null, mapper,
                        TimeSeriesProperties.defaults(), Clock.systemUTC()), client, Clock.systemUTC()),
                new ai.kaizen.data.signals.BehaviourCollector(properties, Optional.empty()), Optional.empty());
        chain = chain(multicall);
        chainWithoutMulticall = chain(null);
    }

    @AfterAll
    static void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }

    private static Chain chain(EvmAddress multicall3) {
        return new Chain("anvil", 31337, List.of(anvil.url()), null, List.of(), null, List.of(), multicall3, List.of(),
                Set.of(), "test");
    }

    private static byte[] initialize(String name, String symbol, EvmAddress owner) {
        return Abi.call("initialize", new Utf8String(name), new Utf8String(symbol), new Uint8(18), new Uint256(SUPPLY),
                Abi.address(owner));
    }

    @Test
    void anOwnableTokenHasItsMetadataSelectorsOwnerAndCreatorInTwoRoundTrips() throws Exception {
        TokenFacts facts = collector.collect(chain, owned, Depth.QUICK);

        assertThat(facts.complete()).isTrue();
        assertThat(facts.address()).isEqualTo(owned.toChecksum());
        assertThat(facts.blockNumber()).isPositive();
        assertThat(facts.token().isToken()).isTrue();
        assertThat(facts.token().name()).isEqualTo("Kaizen Owned");
        assertThat(facts.token().symbol()).isEqualTo("KZO");
        assertThat(facts.token().decimals()).isEqualTo(18);
        assertThat(facts.token().totalSupply()).isEqualTo(SUPPLY.toString());
        assertThat(facts.token().evidence()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("call");
            assertThat(e.detail()).isEqualTo("totalSupply() via Multicall3");
        });

        assertThat(facts.bytecode().selectorMethod()).isEqualTo("DISPATCHER");
        assertThat(facts.bytecode().selectors()).extracting(s -> s.label())
                .contains("transfer(address,uint256)", "owner()", "mint(address,uint256)", "renounceOwnership()");
        assertThat(facts.bytecode().compiler().version()).isEqualTo("0.8.28");

        assertThat(facts.proxy().kind()).isEqualTo("none");
        assertThat(facts.proxy().upgradeable()).isFalse();
        assertThat(facts.proxy().evidence()).hasSize(4).allSatisfy(e -> assertThat(e.type()).isEqualTo("storage"));

        assertThat(facts.ownership().owner().address()).isEqualTo(AnvilNode.DEPLOYER.toChecksum());
        assertThat(facts.ownership().owner().kind()).isEqualTo("eoa");
        assertThat(facts.ownership().ownerSource()).isEqualTo("owner()");
        assertThat(facts.ownership().renounced()).isFalse();
        assertThat(facts.ownership().privileged()).extracting(TokenFacts.Privileged::via).containsExactly("owner()");

        assertThat(facts.creator().address()).isEqualTo(AnvilNode.DEPLOYER.toChecksum());
        assertThat(facts.creator().source()).isEqualTo("ots_getContractCreator");
        assertThat(facts.creator().transactionHash()).matches("0x[0-9a-f]{64}");

        assertThat(facts.coverage()).extracting(Coverage::check, Coverage::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("code", "ran"), org.assertj.core.groups.Tuple.tuple("metadata", "ran"),
                org.assertj.core.groups.Tuple.tuple("bytecode", "ran"), org.assertj.core.groups.Tuple.tuple("proxy", "ran"),
                org.assertj.core.groups.Tuple.tuple("ownership", "ran"), org.assertj.core.groups.Tuple.tuple("creator", "ran"),
                org.assertj.core.groups.Tuple.tuple("simulation", "skipped"),
                org.assertj.core.groups.Tuple.tuple("privileges", "skipped"),
                org.assertj.core.groups.Tuple.tuple("liquidity", "skipped"),
                org.assertj.core.groups.Tuple.tuple("holders", "skipped"));
        assertThat(facts.rpc().roundTrips()).isEqualTo(2);
    }

    @Test
    void withoutMulticall3TheSameFactsComeFromPlainBatches() throws Exception {
        TokenFacts viaMulticall = collector.collect(chain, owned, Depth.QUICK);
        TokenFacts viaBatch = collector.collect(chainWithoutMulticall, owned, Depth.QUICK);

        assertThat(viaBatch.token()).usingRecursiveComparison().ignoringFields("evidence").isEqualTo(viaMulticall.token());
        assertThat(viaBatch.ownership().owner()).isEqualTo(viaMulticall.ownership().owner());
        assertThat(viaBatch.token().evidence()).allSatisfy(e -> assertThat(e.detail()).doesNotContain("Multicall3"));
        assertThat(viaBatch.rpc().roundTrips()).isEqualTo(2);
    }

    @Test
    void aMulticallAddressWithoutCodeFallsBackToBatchesAndStillAnswers() throws Exception {
        Chain wrong = chain(AnvilNode.THIRD);
        TokenFacts facts = collector.collect(wrong, owned, Depth.QUICK);

        assertThat(facts.complete()).isTrue();
        assertThat(facts.token().symbol()).isEqualTo("KZO");
        assertThat(facts.ownership().owner().address()).isEqualTo(AnvilNode.DEPLOYER.toChecksum());
    }

    @Test
    void renouncedOwnershipIsTheZeroOwner() throws Exception {
        TokenFacts facts = collector.collect(chain, renounced, Depth.QUICK);

        assertThat(facts.ownership().renounced()).isTrue();
        assertThat(facts.ownership().owner().kind()).isEqualTo("burn");
        assertThat(facts.ownership().owner().address()).isEqualTo(EvmAddress.ZERO.toChecksum());
        assertThat(facts.ownership().privileged()).isEmpty();
    }

    @Test
    void aSafeOwnerIsAMultisigWithItsThresholdAndOwners() throws Exception {
        TokenFacts facts = collector.collect(chain, safeOwned, Depth.QUICK);

        TokenFacts.Account owner = facts.ownership().owner();
        assertThat(owner.address()).isEqualTo(safe.toChecksum());
        assertThat(owner.kind()).isEqualTo("multisig");
        assertThat(owner.multisig().threshold()).isEqualTo(2);
        assertThat(owner.multisig().owners()).containsExactly(AnvilNode.DEPLOYER.toChecksum(),
                AnvilNode.SECOND.toChecksum(), AnvilNode.THIRD.toChecksum());
        assertThat(facts.ownership().evidence()).anySatisfy(e -> assertThat(e.detail()).contains("getThreshold()"));
    }

    @Test
    void aTimelockOwnerIsATimelockWithItsDelay() throws Exception {
        TokenFacts facts = collector.collect(chain, timelockOwned, Depth.QUICK);

        TokenFacts.Account owner = facts.ownership().owner();
        assertThat(owner.address()).isEqualTo(timelock.toChecksum());
        assertThat(owner.kind()).isEqualTo("timelock");
        assertThat(owner.timelock().minDelaySeconds()).isEqualTo(3600);
        assertThat(owner.timelock().source()).isEqualTo("getMinDelay()");
    }

    @Test
    void anAccessControlTokenListsItsDefaultAdminRoleHolder() throws Exception {
        TokenFacts facts = collector.collect(chain, roles, Depth.QUICK);

        assertThat(facts.ownership().accessControl()).isTrue();
        assertThat(facts.ownership().owner()).isNull();
        assertThat(facts.ownership().privileged()).singleElement().satisfies(p -> {
            assertThat(p.via()).isEqualTo("DEFAULT_ADMIN_ROLE");
            assertThat(p.account().address()).isEqualTo(AnvilNode.DEPLOYER.toChecksum());
            assertThat(p.account().kind()).isEqualTo("eoa");
        });
    }

    @Test
    void aTransparentProxyShowsItsImplementationAndTheProxyAdminsOwner() throws Exception {
        TokenFacts facts = collector.collect(chain, transparent, Depth.QUICK);

        assertThat(facts.complete()).isTrue();
        assertThat(facts.proxy().kind()).isEqualTo("eip1967");
        assertThat(facts.proxy().upgradeable()).isTrue();
        assertThat(facts.proxy().implementation()).isEqualTo(implementation.toChecksum());
        assertThat(facts.proxy().implementationBytecode().selectors()).extracting(s -> s.selector())
                .contains(ai.kaizen.data.bytecode.SelectorLabels.selector(
                        "initialize(string,string,uint8,uint256,address)"));
        assertThat(facts.proxy().admin()).isNotNull();
        assertThat(facts.token().name()).isEqualTo("Kaizen Proxy");
        assertThat(facts.ownership().owner().address()).isEqualTo(AnvilNode.SECOND.toChecksum());

        TokenFacts.Privileged admin = facts.ownership().privileged().stream()
                .filter(p -> p.via().equals("EIP-1967 admin slot")).findFirst().orElseThrow();
        assertThat(admin.account().address()).isEqualTo(facts.proxy().admin());
        assertThat(admin.account().kind()).isEqualTo("contract");
        assertThat(admin.account().owner().address()).isEqualTo(AnvilNode.DEPLOYER.toChecksum());
        assertThat(admin.account().owner().kind()).isEqualTo("eoa");
    }

    @Test
    void aBeaconProxyShowsTheBeaconItsImplementationAndTheBeaconsOwner() throws Exception {
        TokenFacts facts = collector.collect(chain, beaconProxy, Depth.QUICK);

        assertThat(facts.proxy().kind()).isEqualTo("eip1967-beacon");
        assertThat(facts.proxy().beacon()).isEqualTo(beacon.toChecksum());
        assertThat(facts.proxy().implementation()).isEqualTo(implementation.toChecksum());
        assertThat(facts.proxy().implementationBytecode()).isNotNull();
        assertThat(facts.token().symbol()).isEqualTo("KZB");
        TokenFacts.Privileged viaBeacon = facts.ownership().privileged().stream()
                .filter(p -> p.via().startsWith("EIP-1967 beacon")).findFirst().orElseThrow();
        assertThat(viaBeacon.account().owner().address()).isEqualTo(AnvilNode.DEPLOYER.toChecksum());
    }

    @Test
    void anEip1822ProxyIsFoundByItsProxiableSlot() throws Exception {
        TokenFacts facts = collector.collect(chain, proxiable, Depth.QUICK);

        assertThat(facts.proxy().kind()).isEqualTo("eip1822");
        assertThat(facts.proxy().implementation()).isEqualTo(implementation.toChecksum());
        assertThat(facts.bytecode().opcodes()).containsEntry("DELEGATECALL", 1);
        assertThat(facts.token().symbol()).isEqualTo("KZU");
    }

    @Test
    void anEip1167CloneIsAMinimalProxyThatCannotBeUpgraded() throws Exception {
        TokenFacts facts = collector.collect(chain, clone, Depth.QUICK);

        assertThat(facts.proxy().kind()).isEqualTo("eip1167");
        assertThat(facts.proxy().upgradeable()).isFalse();
        assertThat(facts.proxy().implementation()).isEqualTo(implementation.toChecksum());
        assertThat(facts.bytecode().minimalProxyImplementation()).isEqualTo(implementation.toChecksum());
        assertThat(facts.token().symbol()).isEqualTo("KZC");
        assertThat(facts.ownership().owner().address()).isEqualTo(AnvilNode.THIRD.toChecksum());
    }

    @Test
    void aContractThatIsNotATokenGetsFactsThatSaySo() throws Exception {
        TokenFacts facts = collector.collect(chain, multicall, Depth.STANDARD);

        assertThat(facts.token().isToken()).isFalse();
        assertThat(facts.token().notTokenReason()).contains("not an ERC-20");
        assertThat(facts.coverage()).filteredOn(c -> c.check().equals("simulation")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("not an ERC-20"));
    }

    @Test
    void anAccountWithoutCodeIsRefused() {
        assertThatThrownBy(() -> collector.collect(chain, AnvilNode.SECOND, Depth.QUICK))
                .isInstanceOf(NoContractCodeException.class)
                .hasMessageContaining("no contract code");
    }
}
