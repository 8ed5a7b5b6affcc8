import type { Moment } from '@interplay/shared/history/moment';
import type { Language, Translate } from '../i18n/index.ts';

const LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/** "12 March 2026" / "12 maart 2026": how a moment's date is said on the timeline and in the banner. */
export function formatMomentDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "14:05": the time of day, to tell apart moments of one day. */
export function formatMomentTime(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString(LOCALE[language], { hour: '2-digit', minute: '2-digit' });
}

/** What a moment is called: its title, or for a checkpoint why the server took it. */
export function momentTitle(moment: Moment, t: Translate): string {
  if (moment.kind !== 'checkpoint') return moment.title;
  if (moment.trigger === 'beforeRestore' && moment.description !== '')
    return t('history.beforeRestoreOf', { title: moment.description });
  return t(`history.trigger.${moment.trigger ?? 'activity'}`);
}

/** "1 moment", "2 moments" (the Dutch plural agrees too). */
export function momentCount(count: number, t: Translate): string {
  return t(count === 1 ? 'history.count.one' : 'history.count.other', { count });
}
