// Our own grammar rules: British usage that Harper lacks, and the commonest slips in reports. They
// are plain pattern rules, so they run everywhere (the command line and tests too) and at once,
// before Harper has loaded.
import type { Rule } from '../rule.ts';
import { adviceAdvise } from './advice-advise.ts';
import { couldOf } from './could-of.ts';
import { didGood } from './did-good.ts';
import { fewerLess } from './fewer-less.ts';
import { licenceLicense } from './licence-license.ts';
import { meAndHimWas } from './me-and-him-was.ts';
import { practicePractise } from './practice-practise.ts';

export const grammarRules: readonly Rule[] = [
  practicePractise,
  licenceLicense,
  adviceAdvise,
  fewerLess,
  didGood,
  couldOf,
  meAndHimWas,
];
