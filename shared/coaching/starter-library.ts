// The small action-step library Margin ships, written for Margin: three strands (behaviour, instruction,
// subject, the broad themes the coaching guide names), two modules each, a few bite-sized steps in each.
// A school replaces it by importing its own (library.ts says what a library file holds).
import type { StepLibrary } from './library.ts';

export const starterLibrary: StepLibrary = {
  name: 'Margin starter library',
  strands: [
    {
      id: 'behaviour',
      title: 'Behaviour and routines',
      modules: [
        {
          id: 'calm-starts',
          title: 'Calm, purposeful starts',
          steps: [
            {
              id: 'greet-at-door',
              title: 'Greet pupils at the door and give a task they can start without help',
              successCriteria: [
                'Every pupil is greeted by name or with a word as they come in',
                'A starter task is on the board before the first pupil sits down',
                'Most pupils are working within two minutes of arriving',
              ],
            },
            {
              id: 'entry-routine',
              title: 'Teach one entry routine and rehearse it until it runs by itself',
              successCriteria: [
                'The routine is explained in three steps or fewer',
                'Pupils practise it and the teacher names what went well',
                'The routine is used the same way in the next lesson',
              ],
            },
          ],
        },
        {
          id: 'attention',
          title: 'Getting and keeping attention',
          steps: [
            {
              id: 'attention-signal',
              title: 'Use one clear signal for full attention and wait until everyone responds',
              successCriteria: [
                'The same signal is used each time',
                'The teacher does not speak over pupils who are still talking',
                'Attention is gained within ten seconds',
              ],
            },
            {
              id: 'positive-narration',
              title: 'Narrate what pupils are doing well instead of naming who is off task',
              successCriteria: [
                'At least three pupils are named for doing the right thing after an instruction',
                'Corrections, when needed, are private and brief',
              ],
            },
            {
              id: 'scan-the-room',
              title: 'Pause after giving an instruction and scan the whole room',
              successCriteria: [
                'The teacher stands where every pupil can be seen',
                'A pause of a few seconds follows each instruction',
                'Pupils who have not started are prompted quickly and quietly',
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'instruction',
      title: 'Instruction and practice',
      modules: [
        {
          id: 'explaining',
          title: 'Clear explanations',
          steps: [
            {
              id: 'chunk-explanations',
              title: 'Break a new idea into small chunks and check each one before moving on',
              successCriteria: [
                'The explanation is split into no more than three or four chunks',
                'A quick check follows each chunk',
                'The teacher re-explains when the check shows a gap',
              ],
            },
            {
              id: 'worked-example',
              title: 'Model a worked example out loud before pupils try one',
              successCriteria: [
                'The teacher says what they are thinking at each step',
                'Pupils attempt a similar problem straight afterwards',
                'The worked example stays visible while pupils work',
              ],
            },
          ],
        },
        {
          id: 'checking',
          title: 'Checking for understanding',
          steps: [
            {
              id: 'cold-call',
              title: 'Ask a question, give thinking time, then choose who answers',
              successCriteria: [
                'Hands are not used for the question',
                'Pupils get at least three seconds to think',
                'Answers come from across the room, not the same few pupils',
              ],
            },
            {
              id: 'mini-whiteboards',
              title: 'Use mini whiteboards so every pupil shows an answer at once',
              successCriteria: [
                'All pupils hold up answers together',
                'The teacher responds to what the boards show',
                'Common errors are addressed with the whole class',
              ],
            },
            {
              id: 'exit-question',
              title: 'End with one short question that shows who met the lesson’s aim',
              successCriteria: [
                'The question matches the aim of the lesson',
                'Every pupil answers it individually',
                'The answers shape the start of the next lesson',
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'subject',
      title: 'Subject and curriculum',
      modules: [
        {
          id: 'prior-knowledge',
          title: 'Building on what pupils know',
          steps: [
            {
              id: 'retrieval-starter',
              title: 'Start with three retrieval questions on earlier content',
              successCriteria: [
                'Questions cover content from more than a week ago',
                'Pupils answer without notes',
                'Answers are checked and gaps noted',
              ],
            },
            {
              id: 'link-to-prior',
              title: 'Say explicitly how today’s content connects to an earlier topic',
              successCriteria: [
                'The link is stated at the start of the new content',
                'Pupils are asked to recall the earlier idea themselves',
              ],
            },
          ],
        },
        {
          id: 'vocabulary',
          title: 'Subject vocabulary',
          steps: [
            {
              id: 'teach-key-terms',
              title: 'Introduce two or three key terms with a definition and an example',
              successCriteria: [
                'Each term is written, said aloud and repeated by pupils',
                'Each term has an example and a non-example',
                'Terms are used again later in the lesson',
              ],
            },
            {
              id: 'full-sentences',
              title: 'Ask pupils to answer in full sentences using the key terms',
              successCriteria: [
                'The teacher asks for a full-sentence answer at least three times',
                'Pupils who answer briefly are asked to say it again in full',
              ],
            },
          ],
        },
      ],
    },
  ],
};
