// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// The template every launchpad token clones (EIP-1167). Owner-controlled but otherwise plain.
contract LaunchpadToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    address public owner;
    bool private _initialized;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() {
        _initialized = true;
    }

    function initialize(string calldata name_, string calldata symbol_, uint256 supply, address owner_) external {
        require(!_initialized, "initialized");
        _initialized = true;
        name = name_;
        symbol = symbol_;
        owner = owner_;
        totalSupply = supply;
        balanceOf[owner_] = supply;
        emit OwnershipTransferred(address(0), owner_);
        emit Transfer(address(0), owner_, supply);
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
            require(allowed >= amount, "allowance");
            allowance[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function renounceOwnership() external {
        require(msg.sender == owner, "owner");
        emit OwnershipTransferred(owner, address(0));
        owner = address(0);
    }

    function _transfer(address from, address to, uint256 amount) private {
        require(balanceOf[from] >= amount, "balance");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}

/// One-click token launches: every token is an EIP-1167 minimal proxy of the template.
contract TokenLaunchpad {
    address public immutable template;
    address[] public launched;

    event TokenLaunched(address indexed token, address indexed creator, string symbol);

    constructor(address template_) {
        template = template_;
    }

    function launch(string calldata name_, string calldata symbol_, uint256 supply) external returns (address token) {
        token = Clones.clone(template);
        LaunchpadToken(token).initialize(name_, symbol_, supply, msg.sender);
        launched.push(token);
        emit TokenLaunched(token, msg.sender, symbol_);
    }

    function launchedCount() external view returns (uint256) {
        return launched.length;
    }
}
