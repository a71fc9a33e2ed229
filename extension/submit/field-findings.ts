// Checks every field of a form before it is submitted, each with its role (objective, progress
// comment, comment...) so the prompts that apply to it run, and the objectives given for the progress
// comment's rule. The checking itself is the background's (shared/checks in the offscreen worker).
import { ok } from '../../shared/result.ts';
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import { readFieldText } from '../adapters/field-text.ts';
import type { FormField, SiteAdapter } from '../adapters/site-adapter.ts';
import type { CheckReply } from '../messages.ts';

export interface FieldFinding {
  field: FormField;
  finding: Finding;
}

export type AskCheck = (text: string, context: CheckContext) => Promise<CheckReply>;

/** Every finding in the fields, in page order; null when the checks could not be run (the submission then goes ahead). */
export async function findingsInFields(
  adapter: SiteAdapter,
  fields: FormField[],
  check: AskCheck,
): Promise<FieldFinding[] | null> {
  const texts = fields.map((field) => readFieldText(field.element));
  const objectives = fields.flatMap((field, index) => (field.role === 'learning-objective' ? [texts[index]!] : []));
  const replies = await Promise.all(
    fields.map((field, index) => {
      const text = texts[index]!;
      if (text.trim() === '') return Promise.resolve<CheckReply>(ok({ findings: [] }));
      return check(text, {
        ...(adapter.form ? { form: adapter.form } : {}),
        field: field.key,
        role: field.role,
        objectives,
      });
    }),
  );
  if (replies.some((reply) => !reply.ok)) return null;
  return replies.flatMap((reply, index) => {
    const field = fields[index]!;
    const over = overLimit(field, texts[index]!);
    const found = reply.ok ? reply.value.findings : [];
    return [...found, ...(over ? [over] : [])].map((finding) => ({ field, finding }));
  });
}

/** The site's own character limit, which would cut the text off or refuse it. */
function overLimit(field: FormField, text: string): Finding | undefined {
  if (field.limit === undefined || text.length <= field.limit) return undefined;
  const number = (n: number) => n.toLocaleString('en-GB');
  return {
    kind: 'prompt',
    rule: 'form/character-limit',
    start: field.limit,
    end: text.length,
    text: text.slice(field.limit),
    message: `This field holds at most ${number(field.limit)} characters; it has ${number(text.length)}.`,
    suggestions: [],
  };
}
