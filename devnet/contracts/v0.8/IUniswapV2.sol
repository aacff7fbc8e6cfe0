// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// The two Uniswap V2 entry points a launch contract needs to create its own pair.
interface IUniswapV2Factory {
    function createPair(address tokenA, address tokenB) external returns (address pair);
    function getPair(address tokenA, address tokenB) external view returns (address pair);
}

interface IUniswapV2Router02 {
    function factory() external pure returns (address);
    function WETH() external pure returns (address);
}
