import { memo } from 'react';
import type { Role } from '@interplay/shared';
import { ROLE_BADGES } from '../../theme/roles.ts';

/** A role as a small coloured disc with a distinct white icon. */
export const RoleBadge = memo(function RoleBadge({
  role,
  label,
  size = 20,
}: {
  role: Role;
  label: string;
  size?: number;
}) {
  const badge = ROLE_BADGES[role];
  return (
    <svg
      className="ip-role-badge"
      data-role={role}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <circle cx={8} cy={8} r={7.6} fill={badge.colour} stroke="#ffffff" strokeWidth={0.8} />
      <path
        d={badge.iconPath}
        fill={badge.filled ? '#ffffff' : 'none'}
        stroke="#ffffff"
        strokeWidth={badge.filled ? 0.4 : 1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
        transform="translate(8 8) scale(0.78) translate(-8 -8)"
      />
    </svg>
  );
});
