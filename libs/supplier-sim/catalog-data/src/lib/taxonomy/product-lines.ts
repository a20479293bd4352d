import { BRANDS } from './brands';
import { COUPON_LINES, SERVICE_LINES, VIRTUAL_LINES } from './other-lines';
import { PHYSICAL_LINES } from './physical-lines';
import { type CategoryFamily, FAMILY_WEIGHTS, type ProductLine } from './taxonomy-types';

export const LINES_BY_FAMILY: Readonly<Record<CategoryFamily, readonly ProductLine[]>> = {
  physical: PHYSICAL_LINES,
  virtual: VIRTUAL_LINES,
  service: SERVICE_LINES,
  coupon: COUPON_LINES,
};

export const ALL_LINES: readonly ProductLine[] = [...PHYSICAL_LINES, ...VIRTUAL_LINES, ...SERVICE_LINES, ...COUPON_LINES];

export const FAMILIES = Object.keys(FAMILY_WEIGHTS) as CategoryFamily[];

/** The lines a brand makes, for products that must be of that brand (brand-direct sources). */
export function linesOfBrand(brand: string): ProductLine[] {
  return ALL_LINES.filter((line) => line.brands.includes(brand));
}

// A typo in a line's brand list would surface as an undefined brand deep inside generation: fail at load.
for (const line of ALL_LINES) {
  for (const brand of line.brands) if (!BRANDS[brand]) throw new Error(`product line ${line.noun}: unknown brand ${brand}`);
}
