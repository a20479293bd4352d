import { ValidationError, type FieldIssue } from '@supply-hub/errors';
import type { RoutingInput } from './routing-input';

/**
 * Refuses input no order should produce (a zero quantity, a line id twice, a warehouse id twice). Those are
 * bugs upstream, not business outcomes: routing them would write a wrong decision into the order record.
 */
export function validateRoutingInput(input: RoutingInput): void {
  const issues: FieldIssue[] = [];
  const { lat, lng } = input.destination;
  if (!Number.isFinite(lat) || Math.abs(lat) > 90) issues.push({ path: 'destination.lat', message: 'expected degrees between -90 and 90' });
  if (!Number.isFinite(lng) || Math.abs(lng) > 180) issues.push({ path: 'destination.lng', message: 'expected degrees between -180 and 180' });

  const lineIds = new Set<string>();
  input.lines.forEach((line, index) => {
    if (!line.lineId) issues.push({ path: `lines.${index}.lineId`, message: 'required' });
    else if (lineIds.has(line.lineId)) issues.push({ path: `lines.${index}.lineId`, message: `duplicate line id ${line.lineId}` });
    lineIds.add(line.lineId);
    if (!line.skuId) issues.push({ path: `lines.${index}.skuId`, message: 'required' });
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) issues.push({ path: `lines.${index}.quantity`, message: 'expected a positive integer' });
  });

  const warehouseIds = new Set<string>();
  input.warehouses.forEach((warehouse, index) => {
    if (warehouseIds.has(warehouse.id)) issues.push({ path: `warehouses.${index}.id`, message: `duplicate warehouse id ${warehouse.id}` });
    warehouseIds.add(warehouse.id);
  });

  if (issues.length > 0) throw new ValidationError(`routing input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues);
}
