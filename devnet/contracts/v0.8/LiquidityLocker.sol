// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// A timelock for LP tokens in the style of public lockers: deposit, wait, withdraw.
/// Nobody, not even the locker's deployer, can release a lock before its unlock time.
contract LiquidityLocker {
    using SafeERC20 for IERC20;

    struct Lock {
        address token;
        address owner;
        uint256 amount;
        uint64 lockedAt;
        uint64 unlockTime;
        bool withdrawn;
    }

    Lock[] private _locks;
    mapping(address => uint256) public lockedBalance;
    mapping(address => uint256[]) private _locksByToken;

    event Locked(uint256 indexed lockId, address indexed token, address indexed owner, uint256 amount, uint256 unlockTime);
    event Withdrawn(uint256 indexed lockId, address indexed token, address indexed owner, uint256 amount);

    function lock(address token, uint256 amount, uint64 unlockTime) external returns (uint256 lockId) {
        require(amount > 0, "Locker: amount");
        require(unlockTime > block.timestamp, "Locker: unlock in the past");
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        lockId = _locks.length;
        _locks.push(Lock(token, msg.sender, received, uint64(block.timestamp), unlockTime, false));
        _locksByToken[token].push(lockId);
        lockedBalance[token] += received;
        emit Locked(lockId, token, msg.sender, received, unlockTime);
    }

    function withdraw(uint256 lockId) external {
        Lock storage l = _locks[lockId];
        require(msg.sender == l.owner, "Locker: not owner");
        require(!l.withdrawn, "Locker: withdrawn");
        require(block.timestamp >= l.unlockTime, "Locker: still locked");
        l.withdrawn = true;
        lockedBalance[l.token] -= l.amount;
        IERC20(l.token).safeTransfer(l.owner, l.amount);
        emit Withdrawn(lockId, l.token, l.owner, l.amount);
    }

    function getLock(uint256 lockId) external view returns (Lock memory) {
        return _locks[lockId];
    }

    function locksCount() external view returns (uint256) {
        return _locks.length;
    }

    function locksForToken(address token) external view returns (uint256[] memory) {
        return _locksByToken[token];
    }
}
