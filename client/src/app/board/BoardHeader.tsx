import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import type { BoardRole } from '@interplay/shared';
import type { ConnectionStatus } from '../../sync/connectionStatus.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { ConnectionStatusPill } from './ConnectionStatusPill.tsx';
import { ParticipantList } from './ParticipantList.tsx';
import type { Participant } from './usePresence.ts';

const ROLE_LABEL: Record<BoardRole, MessageKey> = {
  facilitator: 'role.facilitator',
  editor: 'role.editor',
  viewer: 'role.viewer',
  anonymous: 'role.anonymous',
};

interface BoardHeaderProps {
  title: string;
  role: BoardRole;
  status: ConnectionStatus;
  participants: readonly Participant[];
  onEditName: () => void;
  /** Buttons the page adds before the connection status (the timeline). */
  actions?: ReactNode;
}

/** Title, role, connection, who is here, and the language switch. */
export function BoardHeader({ title, role, status, participants, onEditName, actions }: BoardHeaderProps) {
  const t = useT();
  const roleLabel = t(ROLE_LABEL[role]);
  return (
    <header className="board-header">
      <a className="brand brand--small" href="/" aria-label={t('board.home')}>
        {t('app.name')}
      </a>
      <h1 className="board-header__title" title={title}>
        {title}
      </h1>
      <span className={`role-badge role-badge--${role}`} data-role={role}>
        <span className="visually-hidden">{t('board.rolePrefix')} </span>
        {roleLabel}
      </span>
      <div className="board-header__spacer" />
      {actions}
      <ConnectionStatusPill status={status} />
      <ParticipantList participants={participants} onEditName={onEditName} />
      <LanguageSwitch />
    </header>
  );
}
