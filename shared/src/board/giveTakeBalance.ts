/** Pure figures over give and take, for the balance view. */
import { EMPTY_GIVE_TAKE } from './records/giveTake.ts';
import { GIVE_TAKE_RESOURCES } from './types.ts';
import type { BoardSnapshot, GiveTake, GiveTakeLevel, GiveTakeResource, OrganisationId } from './types.ts';

/** Weight of each level in the balance: none 0, some 1, much 2. */
export const GIVE_TAKE_WEIGHTS: Readonly<Record<GiveTakeLevel, number>> = { none: 0, some: 1, much: 2 };

/** An organisation's give and take, all `none` when nothing was entered. */
export function giveTakeOf(snapshot: BoardSnapshot, organisationId: OrganisationId): GiveTake {
  return snapshot.giveTake.get(organisationId) ?? EMPTY_GIVE_TAKE;
}

export interface GiveTakeBalance {
  /** Sum of the weights of what it brings (0–12). */
  readonly brings: number;
  /** Sum of the weights of what it takes (0–12). */
  readonly takes: number;
  /** brings − takes: positive brings more than it takes, negative the reverse. */
  readonly balance: number;
  /** brings − takes per resource (−2 … 2). */
  readonly perResource: Readonly<Record<GiveTakeResource, number>>;
}

export function giveTakeBalance(giveTake: GiveTake): GiveTakeBalance {
  let brings = 0;
  let takes = 0;
  const perResource = {} as Record<GiveTakeResource, number>;
  for (const resource of GIVE_TAKE_RESOURCES) {
    const b = GIVE_TAKE_WEIGHTS[giveTake[resource].brings];
    const t = GIVE_TAKE_WEIGHTS[giveTake[resource].takes];
    brings += b;
    takes += t;
    perResource[resource] = b - t;
  }
  return { brings, takes, balance: brings - takes, perResource };
}
