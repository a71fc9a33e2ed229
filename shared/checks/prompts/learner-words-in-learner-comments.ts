// "Comments from the learner" hold only the learner's words (domain guide 000), quoted ("I want to get
// better at fractions") or reported ("Sam said she finds fractions hard"). The tutor's plan ("we will
// work on...", "she needs to...") and the tutor's own view belong in other fields.
import { fieldRole } from '../field-role.ts';
import { finding, type Rule } from '../rule.ts';
import { splitSentences, withoutQuotations } from './sentences.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'prompt/learner-words-in-learner-comments', kind: 'prompt' };

const tutorsPlan =
  /\b(?:we\s+will|we['’]ll|we\s+are\s+going\s+to|we\s+plan|I\s+will\s+(?:teach|plan|set|focus|work|help|support|use|give|provide|review|introduce|assess|monitor|check)|I['’]ll\s+(?:teach|plan|set|focus|work|help|support|use|give)|the\s+tutor\s+will|(?:sessions|lessons|tuition)\s+will|(?:he|she|they)\s+(?:needs?|will\s+need|should|must|has\s+to|have\s+to)\b|(?:my|our|the)\s+plan\s+is|next\s+sessions?\s+(?:will|we)|targets?\s+for\s+next)/iu;
const reported =
  /\b(?:said|says|say|told|tells|tell|feels?|felt|thinks?|thought|would\s+like|wants?|wanted|explained|explains|mentioned|commented|reported|asked|enjoys?|enjoyed|likes?|liked|finds?|found|hopes?|hoped|believes?|believed|described|shared|wrote|would\s+prefer|prefers?|is\s+(?:keen|worried|nervous|excited|proud))\b/iu;
const firstPerson = /\b(?:I|I['’]m|I['’]ve|I['’]d|my|me|myself)\b/u;
const tutorFirstPerson = /\b(?:with\s+(?:him|her|them)|help\s+(?:him|her|them)|(?:him|her|them)\s+to)\b/iu;

export const learnerWordsInLearnerComments: Rule = {
  ...rule,
  appliesTo: (context) => fieldRole(context) === 'learner-words',
  check(text) {
    const own = withoutQuotations(text);
    const quoted = own !== text;
    const found = [];
    for (const sentence of splitSentences(own)) {
      if (sentence.text.trim() === '') continue;
      if (tutorsPlan.test(sentence.text)) {
        found.push(
          finding(
            rule,
            text,
            sentence.start,
            sentence.end,
            "This reads as the tutor's plan. Comments from the learner hold only the learner's own words, quoted or reported; put the plan in the plan to achieve the target.",
          ),
        );
        continue;
      }
      const learnersOwn =
        quoted ||
        reported.test(sentence.text) ||
        (firstPerson.test(sentence.text) && !tutorFirstPerson.test(sentence.text));
      if (!learnersOwn) {
        found.push(
          finding(
            rule,
            text,
            sentence.start,
            sentence.end,
            `This reads as your view, not the learner's words. Quote the learner ("I find fractions hard") or report what they said ("Sam said she finds fractions hard").`,
          ),
        );
      }
    }
    return found;
  },
};
