import type { Role } from '@interplay/shared';

/**
 * Role badges on people: a small icon in a coloured disc. The shapes differ
 * (star, outward arrow, link) so the roles stay apart without relying on colour.
 * Icons are 16×16 paths drawn white.
 */
export const ROLE_BADGES: Readonly<Record<Role, { colour: string; iconPath: string; filled: boolean }>> = {
  // A star: gives mandate.
  sponsor: {
    colour: '#b45309',
    iconPath: 'M8 2.2l1.75 3.6 3.95.55-2.85 2.8.7 3.9L8 11.2l-3.55 1.85.7-3.9L2.3 6.35l3.95-.55z',
    filled: true,
  },
  // An arrow pointing outward: looks beyond the organisation.
  scout: { colour: '#0369a1', iconPath: 'M4.5 11.5l7-7M6 4.5h5.5V10', filled: false },
  // Two linked rings: spreads inside the own organisation.
  connector: {
    colour: '#15803d',
    iconPath:
      'M7 9.5a2.6 2.6 0 0 0 3.7 0l2-2a2.6 2.6 0 0 0-3.7-3.7l-.6.6M9 6.5a2.6 2.6 0 0 0-3.7 0l-2 2a2.6 2.6 0 0 0 3.7 3.7l.6-.6',
    filled: false,
  },
};
