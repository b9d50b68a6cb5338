/**
 * Action inputs without zod, for the action workflow (see ../workflow.ts and ../lifecycle/payload.ts):
 * the RAG thresholds' defaults and the action's definition as ZActionDefinition / ZActionRules parse
 * them (same keys, order, trimming and defaults). The schemas in ./schemas.ts and ./state.ts stay the
 * full contract at the edges and use these defaults.
 */
import { DEFAULT_CLOCKS } from '../calendar/clock-config.js';
import { checkedPayload } from '../lifecycle/payload.js';
import type { TActionDefinition, TActionDefinitionInput } from './schemas.js';

/** The RAG thresholds (ZActionRules in ./state.ts is the schema; declared here so the defaults do not depend on it). */
interface ActionRules {
  amberWithinWD: number;
  staleAfterWD: number;
  chronicAmberCycles: number;
}

/** The RAG thresholds when a programme sets none (amber within 10 WD, stale after 20 WD, chronic amber after 2 months). */
export const DEFAULT_ACTION_RULES: Readonly<ActionRules> = Object.freeze({
  amberWithinWD: 10,
  staleAfterWD: DEFAULT_CLOCKS.staleAfterWD.value,
  chronicAmberCycles: 2,
});

/** The rules with the defaults filled in, as ZActionRules.parse returns valid ones. */
export function actionRulesWithDefaults(rules: Partial<ActionRules> = {}): ActionRules {
  return {
    amberWithinWD: rules.amberWithinWD ?? DEFAULT_ACTION_RULES.amberWithinWD,
    staleAfterWD: rules.staleAfterWD ?? DEFAULT_ACTION_RULES.staleAfterWD,
    chronicAmberCycles: rules.chronicAmberCycles ?? DEFAULT_ACTION_RULES.chronicAmberCycles,
  };
}

/**
 * The definition as ZActionDefinition parses a valid one: text trimmed, owner reduced to name (and
 * email), recommendationRefs defaulting to []. @throws LifecycleRejection "definition.field: …".
 */
export function checkedActionDefinition(raw: TActionDefinitionInput): TActionDefinition {
  const d = checkedPayload<TActionDefinition>(raw, {
    programmeId: 'text', title: 'text', description: 'text?', workstream: 'text?', owner: 'value', dueOn: 'date', ofstedLinked: 'value',
    recommendationRefs: 'value?',
  }, 'none', 'definition');
  const owner = checkedPayload<TActionDefinition['owner']>(d.owner, { name: 'text', email: 'value?' }, 'none', 'definition.owner');
  const refs = Array.isArray(d.recommendationRefs) ? d.recommendationRefs.map((r) => String(r).trim()) : [];
  return { ...d, owner, recommendationRefs: refs };
}
