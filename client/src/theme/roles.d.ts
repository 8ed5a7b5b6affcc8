import type { Role } from '@interplay/shared';
/**
 * Role badges on people: a small icon in a coloured disc. The shapes differ
 * (star, outward arrow, link) so the roles stay apart without relying on colour.
 * Icons are 16×16 paths drawn white.
 */
export declare const ROLE_BADGES: Readonly<
  Record<
    Role,
    {
      colour: string;
      iconPath: string;
      filled: boolean;
    }
  >
>;
