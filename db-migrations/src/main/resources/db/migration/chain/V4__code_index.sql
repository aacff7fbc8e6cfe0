-- data-service: the executable code (runtime bytecode without its compiler metadata tail, keccak256) of every token
-- collected at standard depth or deeper, so that a later token with the same code on the same network is reported
-- as `same_bytecode_as` the earliest one seen that data-service found evidence against (a honeypot, a tax taken, a
-- mint after launch...): plain template code (an OpenZeppelin ERC-20) is shared by countless honest tokens and says
-- nothing. Proxies are not indexed: their own code is a generic stub.
CREATE TABLE code_index (
    network          varchar(32) NOT NULL,
    executable_hash  varchar(66) NOT NULL,
    contract_address varchar(64) NOT NULL,
    evidence         boolean NOT NULL,      -- the token's last collection reported an evidence signal against it
    first_seen_at    timestamptz NOT NULL,
    PRIMARY KEY (network, executable_hash, contract_address)
);

-- The lookup: the earliest other address with this code and evidence against it.
CREATE INDEX idx_code_index_first_seen ON code_index (network, executable_hash, first_seen_at, contract_address)
    WHERE evidence;
