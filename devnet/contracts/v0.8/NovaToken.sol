// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

import {TransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";

/// NOVA FINANCE — upgradeable so the team can "ship improvements".
/// Storage is hand-rolled so V1 and V2 share the same layout.
contract NovaTokenV1 {
    bool private _initialized;
    string public name;
    string public symbol;
    uint256 public totalSupply;
    address public owner;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor() {
        _initialized = true;
    }

    function initialize(string calldata name_, string calldata symbol_, uint256 supply, address owner_) external {
        require(!_initialized, "NOVA: initialized");
        _initialized = true;
        name = name_;
        symbol = symbol_;
        owner = owner_;
        totalSupply = supply;
        balanceOf[owner_] = supply;
        emit Transfer(address(0), owner_, supply);
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function version() external pure virtual returns (uint256) {
        return 1;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= amount, "NOVA: allowance");
            allowance[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal virtual {
        require(balanceOf[from] >= amount, "NOVA: balance");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}

/// The "improvement" waiting in the wings: the owner can freeze any wallet.
contract NovaTokenV2 is NovaTokenV1 {
    mapping(address => bool) public frozen;

    function version() external pure override returns (uint256) {
        return 2;
    }

    function freeze(address account, bool value) external {
        require(msg.sender == owner, "NOVA: owner");
        frozen[account] = value;
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        require(!frozen[from], "NOVA: frozen");
        super._transfer(from, to, amount);
    }
}

/// Named so the proxy appears under the token's name in artifacts and traces.
contract NovaFinanceProxy is TransparentUpgradeableProxy {
    constructor(address logic, address initialOwner, bytes memory data)
        TransparentUpgradeableProxy(logic, initialOwner, data)
    {}
}
