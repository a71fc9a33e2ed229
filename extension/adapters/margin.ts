// Margin's own report page. The app draws its own underlines and prompts in its fields (marked
// data-margin-checks="app", each with its field key as id: learningObjective1, progressComment...), and
// its Submit button runs the report's own check (required fields, dates, limits, and its writing warnings,
// which it asks the tutor to confirm). The extension adds "Before you submit" to the Submit and Resubmit
// buttons as on any site: its panel comes first, and "Submit anyway" hands the click on to the app, whose
// own check then runs as always. Never-lose-work is left to the app, which keeps
// every keystroke itself.
import { fieldRole } from '../../shared/checks/field-role.ts';
import { freeTextLimit } from '../../shared/forms/free-text-limit.ts';
import { appCheckedSelector, appSubmitButtonNames } from '../../shared/protocol/app-and-extension.ts';
import { labelOf } from './form-fields.ts';
import type { SiteAdapter } from './site-adapter.ts';

const appField = `${appCheckedSelector}[id]`;
const submitButton = new RegExp(`^(?:${Object.values(appSubmitButtonNames).join('|')})$`, 'i');

export const marginReportPage: SiteAdapter = {
  name: 'margin',
  matches: (document) => document.querySelector(appField) !== null,
  fields: (scope) =>
    [...scope.querySelectorAll<HTMLElement>(appField)]
      .filter((element) => element.getAttribute('contenteditable') !== 'false')
      .map((element) => ({
        element,
        key: element.id,
        label: labelOf(element) || element.id,
        role: fieldRole({ field: element.id }),
        limit: freeTextLimit,
      })),
  submitTriggers: [{ kind: 'button-click', button: 'button', name: submitButton }],
};
