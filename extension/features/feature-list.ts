// Every feature of the content script, in the order they start on a page. To add one, write it in its
// own file in this folder (feature.ts says what a feature is) and add it here.
import { beforeYouSubmit } from './before-you-submit.ts';
import { checksAsYouType } from './checks-as-you-type.ts';
import type { Feature } from './feature.ts';
import { neverLoseWork } from './never-lose-work.ts';
import { personalWordsFromApp } from './personal-words-from-app.ts';

export const features: readonly Feature[] = [checksAsYouType, personalWordsFromApp, beforeYouSubmit, neverLoseWork];
