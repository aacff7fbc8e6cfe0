// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// The devnet's reference dollar: 6 decimals, fixed supply, no admin at all.
/// Its WETH pool is the chain's on-chain ETH/USD price.
contract DevnetUSD is ERC20 {
    constructor(uint256 initialSupply) ERC20("Devnet USD", "DUSD") {
        _mint(msg.sender, initialSupply);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
