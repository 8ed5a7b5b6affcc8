import type { MessageKey, MessageVars, Translate } from '../i18n/index.ts';

/** Phrases with a singular (`.one`) and a plural (`.other`) form in `i18n/messages/insight.ts`. */
export type PluralPhrase =
  | 'insight.noun.organisation'
  | 'insight.noun.person'
  | 'insight.noun.relationship'
  | 'insight.noun.project'
  | 'insight.summary.groups'
  | 'insight.summary.atMostOne'
  | 'insight.maintenance.neverCount'
  | 'insight.health.scored'
  | 'insight.clusters.members';

/**
 * The form of `phrase` that agrees with `count` (English and Dutch both use the singular for 1 only),
 * with `{count}` filled in.
 * @example plural(t, 'insight.noun.organisation', 2) // "organisations" / "organisaties"
 */
export function plural(t: Translate, phrase: PluralPhrase, count: number, vars?: MessageVars): string {
  const key: MessageKey = count === 1 ? `${phrase}.one` : `${phrase}.other`;
  return t(key, { count, ...vars });
}
