package ai.kaizen.data.privileges;

import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentShapesTests {

    private static final EvmAddress VICTIM = EvmAddress.parse("0x1111111111111111111111111111111111111111");

    private static ArgumentShapes.Shape shape(String name) {
        return ArgumentShapes.all(VICTIM).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Type> decode(ArgumentShapes.Shape shape, List<TypeReference<?>> types) {
        String data = shape.calldata("0x12345678");
        assertThat(data).startsWith("0x12345678");
        return FunctionReturnDecoder.decode("0x" + data.substring(10), (List) types);
    }

    @Test
    void theVictimShapeReadsAsAddressAndAmountOrFlag() {
        List<Type> asAmount = decode(shape(ArgumentShapes.VICTIM),
                List.of(new TypeReference<Address>() { }, new TypeReference<Uint256>() { }));
        assertThat(asAmount.get(0).getValue()).isEqualTo(VICTIM.toLowerHex());
        assertThat(asAmount.get(1).getValue()).isEqualTo(java.math.BigInteger.ONE);
        List<Type> asFlag = decode(shape(ArgumentShapes.VICTIM),
                List.of(new TypeReference<Address>() { }, new TypeReference<Bool>() { }));
        assertThat(asFlag.get(1).getValue()).isEqualTo(true);
    }

    @Test
    void theListShapeReadsAsAnArrayOfTheVictimAndTrue() {
        List<Type> decoded = decode(shape(ArgumentShapes.VICTIM_LIST),
                List.of(new TypeReference<DynamicArray<Address>>() { }, new TypeReference<Bool>() { }));
        @SuppressWarnings("unchecked")
        List<Address> accounts = (List<Address>) decoded.get(0).getValue();
        assertThat(accounts).extracting(Address::getValue).containsExactly(VICTIM.toLowerHex());
        assertThat(decoded.get(1).getValue()).isEqualTo(true);
    }

    @Test
    void numberAndFlagShapesServeFeesLimitsAndSwitches() {
        List<Type> fees = decode(shape(ArgumentShapes.NUMBER),
                List.of(new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
        assertThat(fees).extracting(Type::getValue).containsExactly(java.math.BigInteger.TEN, java.math.BigInteger.TEN);
        List<Type> flag = decode(shape(ArgumentShapes.FLAG),
                List.of(new TypeReference<Bool>() { }, new TypeReference<Uint256>() { }));
        assertThat(flag).extracting(Type::getValue).containsExactly(true, java.math.BigInteger.TEN);
        assertThat(shape(ArgumentShapes.NUMBER).arguments()).isEqualTo("(10, 10, 10, 10)");
        assertThat(shape(ArgumentShapes.VICTIM).arguments()).startsWith("(" + VICTIM.toChecksum());
        assertThat(ArgumentShapes.victimOnly(VICTIM)).extracting(ArgumentShapes.Shape::name)
                .containsExactly(ArgumentShapes.VICTIM);
    }
}
