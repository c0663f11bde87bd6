/**
 * Field checks shared by the CLI request's parsers (`sim-request.ts`, `circuit-request.ts`): each
 * failure is a `SimRequestError` whose message starts with the offending field's name.
 */

export class SimRequestError extends Error {
  override name = "SimRequestError";
}

export interface NumberRule {
  min: number;
  max: number;
  fallback?: number;
  integer?: boolean;
  /** Excludes `min` itself. */
  positive?: boolean;
}

export function number(value: unknown, field: string, rule: NumberRule): number {
  if (value === undefined && rule.fallback !== undefined) return rule.fallback;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    value <= rule.max &&
    (rule.positive ? value > rule.min : value >= rule.min) &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) {
    const kind = rule.integer ? "an integer" : "a number";
    const low = rule.positive ? `above ${rule.min}` : `from ${rule.min}`;
    throw new SimRequestError(`${field}: must be ${kind} ${low} to ${rule.max}`);
  }
  return value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
