/** What the mall is owed for `quantity` units at the contract price; undefined when the price is not known. */
export function refundAmountFen(unitPriceFen: number | undefined, quantity: number): number | undefined {
  return unitPriceFen === undefined ? undefined : unitPriceFen * quantity;
}
