// Messages between the app's pages and its checks worker, as tagged unions both ends read.
//
//   page --CheckRequest--> checks.worker.ts --CheckReply--> page
//
// A check is answered at once with the fast findings (spelling, our grammar rules, prompts), marked
// complete: false while Harper is still to run (loading, or checking), then again with every finding.
import type { CheckContext } from '../../../shared/checks/context.ts';
import type { Finding } from '../../../shared/checks/finding.ts';
import type { AddWordResult } from '../../../shared/checks/spelling/personal-dictionary.ts';

export type CheckRequest =
  | { type: 'check'; id: number; text: string; context: CheckContext }
  | { type: 'suggest'; id: number; word: string }
  | { type: 'add-word'; id: number; word: string }
  | { type: 'set-words'; words: string[] };

export type GrammarState = 'loading' | 'ready' | 'unavailable';

export type CheckReply =
  | { type: 'findings'; id: number; findings: Finding[]; complete: boolean }
  | { type: 'suggestions'; id: number; suggestions: string[] }
  | { type: 'word-added'; id: number; result: AddWordResult }
  | { type: 'failed'; id: number; problem: string }
  | { type: 'grammar'; state: GrammarState; problem?: string };
