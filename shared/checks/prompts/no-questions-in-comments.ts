// Report comments state what happened; they do not ask questions (domain guide 000). A question to
// the agency belongs in the comment to the agency, which is internal. Questions the learner asked,
// in quotation marks, are reported speech and pass.
import { fieldRole } from '../field-role.ts';
import { finding, type Rule } from '../rule.ts';
import { splitSentences, withoutQuotations } from './sentences.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'prompt/no-questions-in-comments', kind: 'prompt' };

// A request written without its question mark: "Could you send the workbook."
const request = /^(?:please\s+)?(?:could|can|would|will)\s+(?:you|someone|anyone|the\s+agency|the\s+school)\b/iu;

export const noQuestionsInComments: Rule = {
  ...rule,
  appliesTo: (context) => ['comment', 'progress-comment'].includes(fieldRole(context)),
  check(text) {
    const own = withoutQuotations(text);
    return splitSentences(own)
      .filter((sentence) => /\?["'”’)\]]*$/.test(sentence.text) || request.test(sentence.text))
      .map((sentence) =>
        finding(
          rule,
          text,
          sentence.start,
          sentence.end,
          'Comments state what happened rather than ask questions. Say it as a statement, or raise the question in the comment to the agency.',
        ),
      );
  },
};
