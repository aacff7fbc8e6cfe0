package ai.kaizen.data.bytecode;

/** Opcode numbers and mnemonics (through Cancun/Prague, plus Osaka's CLZ). */
public final class Opcodes {

    public static final int STOP = 0x00;
    public static final int LT = 0x10;
    public static final int GT = 0x11;
    public static final int EQ = 0x14;
    public static final int ISZERO = 0x15;
    public static final int AND = 0x16;
    public static final int XOR = 0x18;
    public static final int SHR = 0x1c;
    public static final int DIV = 0x04;
    public static final int SUB = 0x03;
    public static final int CALLDATALOAD = 0x35;
    public static final int SLOAD = 0x54;
    public static final int SSTORE = 0x55;
    public static final int JUMP = 0x56;
    public static final int JUMPI = 0x57;
    public static final int JUMPDEST = 0x5b;
    public static final int TSTORE = 0x5d;
    public static final int PUSH0 = 0x5f;
    public static final int PUSH1 = 0x60;
    public static final int PUSH4 = 0x63;
    public static final int PUSH20 = 0x73;
    public static final int PUSH32 = 0x7f;
    public static final int DUP1 = 0x80;
    public static final int DUP16 = 0x8f;
    public static final int SWAP1 = 0x90;
    public static final int SWAP16 = 0x9f;
    public static final int POP = 0x50;
    public static final int CREATE = 0xf0;
    public static final int CALL = 0xf1;
    public static final int CALLCODE = 0xf2;
    public static final int DELEGATECALL = 0xf4;
    public static final int CREATE2 = 0xf5;
    public static final int STATICCALL = 0xfa;
    public static final int REVERT = 0xfd;
    public static final int INVALID = 0xfe;
    public static final int SELFDESTRUCT = 0xff;

    private static final String[] NAMES = new String[256];

    static {
        String[][] table = {
                {"00", "STOP"}, {"01", "ADD"}, {"02", "MUL"}, {"03", "SUB"}, {"04", "DIV"}, {"05", "SDIV"},
                {"06", "MOD"}, {"07", "SMOD"}, {"08", "ADDMOD"}, {"09", "MULMOD"}, {"0a", "EXP"}, {"0b", "SIGNEXTEND"},
                {"10", "LT"}, {"11", "GT"}, {"12", "SLT"}, {"13", "SGT"}, {"14", "EQ"}, {"15", "ISZERO"},
                {"16", "AND"}, {"17", "OR"}, {"18", "XOR"}, {"19", "NOT"}, {"1a", "BYTE"}, {"1b", "SHL"},
                {"1c", "SHR"}, {"1d", "SAR"}, {"1e", "CLZ"}, {"20", "KECCAK256"},
                {"30", "ADDRESS"}, {"31", "BALANCE"}, {"32", "ORIGIN"}, {"33", "CALLER"}, {"34", "CALLVALUE"},
                {"35", "CALLDATALOAD"}, {"36", "CALLDATASIZE"}, {"37", "CALLDATACOPY"}, {"38", "CODESIZE"},
                {"39", "CODECOPY"}, {"3a", "GASPRICE"}, {"3b", "EXTCODESIZE"}, {"3c", "EXTCODECOPY"},
                {"3d", "RETURNDATASIZE"}, {"3e", "RETURNDATACOPY"}, {"3f", "EXTCODEHASH"},
                {"40", "BLOCKHASH"}, {"41", "COINBASE"}, {"42", "TIMESTAMP"}, {"43", "NUMBER"},
                {"44", "PREVRANDAO"}, {"45", "GASLIMIT"}, {"46", "CHAINID"}, {"47", "SELFBALANCE"},
                {"48", "BASEFEE"}, {"49", "BLOBHASH"}, {"4a", "BLOBBASEFEE"},
                {"50", "POP"}, {"51", "MLOAD"}, {"52", "MSTORE"}, {"53", "MSTORE8"}, {"54", "SLOAD"},
                {"55", "SSTORE"}, {"56", "JUMP"}, {"57", "JUMPI"}, {"58", "PC"}, {"59", "MSIZE"}, {"5a", "GAS"},
                {"5b", "JUMPDEST"}, {"5c", "TLOAD"}, {"5d", "TSTORE"}, {"5e", "MCOPY"}, {"5f", "PUSH0"},
                {"a0", "LOG0"}, {"a1", "LOG1"}, {"a2", "LOG2"}, {"a3", "LOG3"}, {"a4", "LOG4"},
                {"f0", "CREATE"}, {"f1", "CALL"}, {"f2", "CALLCODE"}, {"f3", "RETURN"}, {"f4", "DELEGATECALL"},
                {"f5", "CREATE2"}, {"fa", "STATICCALL"}, {"fd", "REVERT"}, {"fe", "INVALID"}, {"ff", "SELFDESTRUCT"}};
        for (String[] entry : table) {
            NAMES[Integer.parseInt(entry[0], 16)] = entry[1];
        }
        for (int n = 1; n <= 32; n++) {
            NAMES[PUSH0 + n] = "PUSH" + n;
        }
        for (int n = 1; n <= 16; n++) {
            NAMES[DUP1 + n - 1] = "DUP" + n;
            NAMES[SWAP1 + n - 1] = "SWAP" + n;
        }
    }

    private Opcodes() {
    }

    /** The mnemonic, or {@code UNKNOWN_0xNN} for an unassigned byte (which executes as INVALID). */
    public static String name(int opcode) {
        String name = NAMES[opcode & 0xff];
        return name != null ? name : String.format("UNKNOWN_0x%02x", opcode & 0xff);
    }

    /** Number of immediate bytes that follow the opcode (PUSH1..PUSH32); zero for everything else. */
    public static int immediateSize(int opcode) {
        return opcode > PUSH0 && opcode <= PUSH32 ? opcode - PUSH0 : 0;
    }

    public static boolean isPush(int opcode) {
        return opcode >= PUSH0 && opcode <= PUSH32;
    }

    public static boolean isDup(int opcode) {
        return opcode >= DUP1 && opcode <= DUP16;
    }

    public static boolean isSwap(int opcode) {
        return opcode >= SWAP1 && opcode <= SWAP16;
    }
}
