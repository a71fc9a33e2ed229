// The four areas of competence a quality-assurance observation reviews a session against (domain guide 004),
// each with the checklist that feeds its judgement. The guide names the four areas but keeps its checklist
// and scale to itself, so the items and the four-level scale here are Margin's own wording.
import { z } from 'zod';

export interface Competency {
  id: string;
  label: string;
  items: readonly { id: string; text: string }[];
}

export const competencies: readonly Competency[] = [
  {
    id: 'interactions',
    label: 'Interactions with pupils',
    items: [
      { id: 'interactions-rapport', text: 'Builds a warm, professional rapport and uses pupils’ names' },
      { id: 'interactions-praise', text: 'Gives praise that says exactly what the pupil did well' },
      { id: 'interactions-thinking-time', text: 'Asks questions and leaves time for pupils to think and answer' },
      { id: 'interactions-behaviour', text: 'Keeps pupils on task calmly and positively' },
    ],
  },
  {
    id: 'outcomes',
    label: 'Learning outcomes',
    items: [
      { id: 'outcomes-objectives', text: 'Shares the session’s objectives with pupils at the start' },
      { id: 'outcomes-checking', text: 'Checks understanding during the session, not only at the end' },
      { id: 'outcomes-misconceptions', text: 'Spots and corrects misconceptions' },
      { id: 'outcomes-progress', text: 'Pupils make visible progress towards the objectives' },
    ],
  },
  {
    id: 'balance',
    label: 'Balance of session',
    items: [
      { id: 'balance-resources', text: 'Uses the charity’s session resources as planned' },
      { id: 'balance-pupil-work', text: 'Pupils do most of the talking and the working' },
      { id: 'balance-pace', text: 'Time is shared sensibly across the planned activities' },
      { id: 'balance-timing', text: 'Starts and ends on time with a clear close' },
    ],
  },
  {
    id: 'technology',
    label: 'Use of technology',
    items: [
      { id: 'technology-audio-video', text: 'Can be seen and heard clearly throughout' },
      { id: 'technology-tools', text: 'Uses the virtual classroom’s tools (whiteboard, chat) with purpose' },
      { id: 'technology-sharing', text: 'Shares screens and resources smoothly' },
      { id: 'technology-safety', text: 'Follows the rules for keeping pupils safe online' },
    ],
  },
];

export const competencyIds = competencies.map((competency) => competency.id);
export const checklistItemIds = competencies.flatMap((competency) => competency.items.map((item) => item.id));

export const judgements = ['Strong', 'Effective', 'Developing', 'Cause for concern'] as const;
export const Judgement = z.enum(judgements);
export type Judgement = z.infer<typeof Judgement>;

/** The judgement that means the tutor needs support and another observation. */
export const concernJudgement: Judgement = 'Cause for concern';
