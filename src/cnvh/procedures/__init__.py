"""Legal procedures as dated data, and the working-day calendar's announced day swaps."""
