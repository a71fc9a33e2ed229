// The roles as the open report's kind words them (a termly review's tutor is the induction tutor, a coaching
// cycle's is the mentor): one context the report page provides, read wherever a role is shown.
import { createContext, useContext } from 'solid-js';
import { roleWord } from '../../../shared/reports/index.ts';

export const RoleWords = createContext<(role: string) => string>((role) => roleWord(undefined, role));

/** The role in the open report's words, lower case ("induction tutor"). */
export const useRoleWord = () => useContext(RoleWords);

export const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
