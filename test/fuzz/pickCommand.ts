import type { CommandContext, CommandKind, Need } from './commandContext.ts';
import { FACILITATION_COMMANDS } from './facilitationCommands.ts';
import type { Command } from './FuzzClient.ts';
import { NODE_COMMANDS } from './nodeCommands.ts';
import { settingsCommand } from './settingsCommands.ts';
import type { SettingsFeatures } from './settingsCommands.ts';

const ALL_KINDS: readonly CommandKind[] = [...NODE_COMMANDS, ...FACILITATION_COMMANDS];

/**
 * A random command for a client. With `may` the choice is limited to what the
 * page would offer under the client's own copy of the settings (which may be stale while
 * offline or in flight); without, anything goes, as from a modified page: a settings
 * change now and then too. Null when nothing fits (e.g. an empty board and no adds).
 */
export function pickCommand(
  ctx: CommandContext,
  may: ((need: Need) => boolean) | null,
  features: SettingsFeatures,
): Command | null {
  const kinds = may === null ? ALL_KINDS : ALL_KINDS.filter((k) => may(k.needs));
  if (may === null && ctx.random.chance(0.05)) return settingsCommand(ctx.board, ctx.random, features);
  if (kinds.length === 0) return null;
  const weights = Object.fromEntries(kinds.map((k) => [k.name, k.weight]));
  // A kind without a target (no relationship to score yet…) gives way to another pick.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const name = ctx.random.weighted(weights);
    const command = kinds.find((k) => k.name === name)!.make(ctx);
    if (command !== null) return command;
  }
  return null;
}
