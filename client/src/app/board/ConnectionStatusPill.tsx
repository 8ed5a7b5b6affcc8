import { useT, type MessageKey } from '../../i18n/index.ts';
import type { ConnectionStatus } from '../../sync/connectionStatus.ts';

const LABEL: Record<ConnectionStatus, MessageKey> = {
  connected: 'status.connected',
  connecting: 'status.connecting',
  reconnecting: 'status.reconnecting',
  offline: 'status.offline',
  closed: 'status.closed',
};

/** A coloured dot and a word: is this page live with the server? */
export function ConnectionStatusPill({ status }: { status: ConnectionStatus }) {
  const t = useT();
  const label = t(LABEL[status]);
  return (
    <div className={`status-pill status-pill--${status}`} role="status" data-status={status} title={label}>
      <span className="status-pill__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('status.prefix')} </span>
      <span className="status-pill__label">{label}</span>
    </div>
  );
}
