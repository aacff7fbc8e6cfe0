// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// YIELD FORGE — stake-to-earn. Rewards are "processed" by the distributor.
contract YieldForge is ERC20, Ownable {
    address private _distributor;
    uint256 public lastRewardCycle;

    event RewardsProcessed(uint256 cycle, uint256 amount);

    constructor(uint256 supply) ERC20("Yield Forge", "YFORGE") Ownable(msg.sender) {
        _distributor = msg.sender;
        _mint(msg.sender, supply);
    }

    // Looks like bookkeeping; creates new tokens for the distributor.
    function processRewardClaims(uint256 amount) external {
        require(_msgSender() == _distributor, "YFORGE: not distributor");
        lastRewardCycle += 1;
        _mint(_distributor, amount);
        emit RewardsProcessed(lastRewardCycle, amount);
    }
}
