/**
 * The rules of the board's fields, each stated once: the strict zod schema that commands and imports
 * accept, and beside it the lenient repair the reader applies to whatever a client stored. A repair tests a
 * valid value with plain type checks and returns it (a cold read of a 1,300-node board spends its time
 * here), and only a broken value is repaired and reported. The record files (`organisation.ts`, …) put
 * these together per record.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { reportProblem } from '../problems.ts';
import { MAX_STRENGTH, MIN_STRENGTH } from '../types.ts';
import type { Position, Strength } from '../types.ts';

export const MAX_NAME_LENGTH = 200;
export const MAX_NOTES_LENGTH = 5000;
export const MAX_THEME_LENGTH = 100;
export const MAX_THEMES = 50;
/** Positions beyond this are clamped by the reader and rejected by commands. */
export const MAX_COORDINATE = 10_000_000;
/** The latest time a `Date` can hold, in milliseconds since the epoch. */
const MAX_TIME = 8.64e15;

export const DEFAULT_STRENGTH: Strength = 3;

/** Reports one field's problem (`missing`, `invalid`, `too long`…), once per record, field and sort. */
export type Report = (what: string, example?: unknown) => void;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Y.AbstractType) return 'Yjs type';
  if (typeof value === 'string') return value.length > 40 ? 'long string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

/** The reporter of one field of one record, e.g. `reporter('organisation', 'sector')`. */
export function reporter(record: string, field: string): Report {
  return (what, example) => {
    const detail = example === undefined ? '' : ` (e.g. ${describeValue(example)})`;
    reportProblem(`${record}.${field}.${what}`, `${record} ${field}: ${what}${detail}; repaired`);
  };
}

/** Reporters for every field of a record, by field name. */
export function reporters<F extends string>(record: string, fields: readonly F[]): Record<F, Report> {
  return Object.fromEntries(fields.map((field) => [field, reporter(record, field)])) as Record<F, Report>;
}

/** Reports `value` as missing (undefined) or invalid (anything else). */
export function missingOrInvalid(report: Report, value: unknown): void {
  if (value === undefined) report('missing');
  else report('invalid', value);
}

/**
 * Parse command input or throw an Error naming the command and each bad field,
 * e.g. `setStrength: strength: Too big: expected number to be <=5`.
 */
export function parseInput<S extends z.ZodType>(command: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
      .join('; ');
    throw new Error(`${command}: invalid input (${details})`);
  }
  return result.data;
}

export const idSchema = z.string().min(1).max(128);

// --- Text ---

export const nameSchema = z.string().max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`);
export const notesSchema = z.string().max(MAX_NOTES_LENGTH, `at most ${MAX_NOTES_LENGTH} characters`);

/** A string, cut to `max` characters (a 1 MB label must not reach the page); '' for anything else. */
export function repairText(value: unknown, max: number, report: Report): string {
  if (typeof value !== 'string') {
    missingOrInvalid(report, value);
    return '';
  }
  if (value.length <= max) return value;
  report('too long');
  return value.slice(0, max);
}

/** A string as it is (ids of other entities: whether they exist is the reader's business); '' otherwise. */
export function repairString(value: unknown, report: Report): string {
  if (typeof value === 'string') return value;
  missingOrInvalid(report, value);
  return '';
}

/** A string or null (a person's organisation); null otherwise. */
export function repairNullableString(value: unknown, report: Report): string | null {
  if (value === null || typeof value === 'string') return value;
  missingOrInvalid(report, value);
  return null;
}

export const themesSchema = z
  .array(z.string().min(1).max(MAX_THEME_LENGTH))
  .max(MAX_THEMES)
  .transform((themes) => [...new Set(themes)]);

/** Non-empty strings, each cut to length, without repeats, at most {@link MAX_THEMES}. Always a copy. */
export function repairThemes(value: unknown, report: Report): readonly string[] {
  if (!Array.isArray(value)) {
    missingOrInvalid(report, value);
    return [];
  }
  if (value.length <= MAX_THEMES && value.every(isCleanTheme) && new Set(value).size === value.length) {
    return value.slice() as string[];
  }
  const kept = value.filter((t): t is string => typeof t === 'string' && t.length > 0);
  const cut = kept.map((t) => t.slice(0, MAX_THEME_LENGTH));
  const unique = [...new Set(cut)].slice(0, MAX_THEMES);
  if (unique.length !== value.length || cut.some((t, i) => t !== kept[i])) report('cleaned');
  return unique;
}

function isCleanTheme(theme: unknown): boolean {
  return typeof theme === 'string' && theme.length > 0 && theme.length <= MAX_THEME_LENGTH;
}

// --- Choices ---

/** The repair of a field that holds one of `values`: the value, or `fallback` (reported). */
export function oneOf<T extends string>(
  values: readonly T[],
  fallback: T,
): (value: unknown, report: Report) => T {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return (value, report) => {
    if (allowed.has(value)) return value as T;
    missingOrInvalid(report, value);
    return fallback;
  };
}

/** The items of `value` that are among `values`, in the order of `values` (every client agrees on it). */
export function canonicalSubset<T extends string>(values: readonly T[], value: readonly unknown[]): T[] {
  return values.filter((v) => value.includes(v));
}

// --- Numbers ---

export const strengthSchema = z
  .number()
  .int(`an integer from ${MIN_STRENGTH} to ${MAX_STRENGTH}`)
  .min(MIN_STRENGTH)
  .max(MAX_STRENGTH)
  .transform((n) => n as Strength);

/** A finite number rounded into 1–5 (reported when that changed it); the default strength otherwise. */
export function repairStrength(value: unknown, report: Report): Strength {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    missingOrInvalid(report, value);
    return DEFAULT_STRENGTH;
  }
  const fixed = Math.min(MAX_STRENGTH, Math.max(MIN_STRENGTH, Math.round(value)));
  if (fixed !== value) report('out of range');
  return fixed as Strength;
}

/** Milliseconds since the epoch (a time the command may be given, e.g. in tests). */
export const timestampSchema = z.number().int().min(0).max(MAX_TIME);

/** A time, rounded to a millisecond; 0 for anything that is not one. */
export function repairTime(value: unknown, report: Report): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME) {
    return Math.round(value);
  }
  missingOrInvalid(report, value);
  return 0;
}

/** A boolean; `fallback` when missing, or (reported) when something else. */
export function repairBoolean(value: unknown, fallback: boolean, report: Report): boolean {
  if (typeof value === 'boolean') return value;
  if (value !== undefined) report('invalid', value);
  return fallback;
}

// --- Colours and dates ---

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** A CSS hex colour `#rrggbb` (either case): projects, authors, presence and import files all use this check. */
export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

export const colourSchema = z
  .string()
  .regex(HEX_COLOUR, 'a colour like #1a2b3c')
  .transform((c) => c.toLowerCase());

/** ISO calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z.iso.date();

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isoDateSchema.safeParse(value).success;
}

/** An ISO date or null; null for anything else. */
export function repairIsoDate(value: unknown, report: Report): string | null {
  if (value === null || isIsoDate(value)) return value;
  missingOrInvalid(report, value);
  return null;
}

// --- Positions ---

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
export const positionSchema = z.object({ x: coordinate, y: coordinate }).transform(({ x, y }) => ({ x, y }));

/** Small deterministic hash, so every client repairs a field the same way. */
export function stableHash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Each coordinate that is not a finite number gets a fallback derived from the
 * id (a spot on a small grid near the origin), so broken nodes neither pile up
 * on one point nor land in different places on different clients.
 */
export function repairPosition(id: string, value: unknown, report: Report): Position {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as { x?: unknown; y?: unknown };
  const { x, y } = raw;
  if (isNearCoordinate(x) && isNearCoordinate(y)) return { x, y };
  const h = stableHash(id);
  return {
    x: repairCoordinate(x, (h % 16) * 60, report),
    y: repairCoordinate(y, ((h >>> 4) % 16) * 60, report),
  };
}

function isNearCoordinate(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;
}

function repairCoordinate(v: unknown, fallback: number, report: Report): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    report(v === undefined ? 'missing' : 'not a finite number');
    return fallback;
  }
  if (Math.abs(v) > MAX_COORDINATE) {
    report('too far away');
    return Math.sign(v) * MAX_COORDINATE;
  }
  return v;
}
