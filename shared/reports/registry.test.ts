import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  internalFieldKeys,
  isMarginReportDoc,
  progressKinds,
  reportDefinitionOf,
  reportFormats,
  reportKindDefinitions,
  reportKindOf,
  reportKinds,
  reportTitle,
  roleWord,
} from './registry.ts';
import { createIlpDoc } from './ilp/doc.ts';
import { meta } from '../doc/layout.ts';
import { createProgressReportDoc } from './progress-report/doc.ts';
import { createProgressReviewDoc } from './progress-review/doc.ts';
import { createSessionReportDoc } from './session-report/doc.ts';

const learner = { id: 'l1', name: 'Ada Lovelace' };
const make = (lay: (doc: Y.Doc) => void) => {
  const doc = new Y.Doc();
  lay(doc);
  return doc;
};

describe('report format registry', () => {
  it('tells every kind of Margin report apart from an empty or foreign doc', () => {
    const docs = {
      session: make((d) =>
        createSessionReportDoc(
          d,
          { date: '2026-11-23', start: '13:00', finish: '14:00', subject: 'Maths', learners: [learner] },
          'G',
        ),
      ),
      ilp: make((d) => createIlpDoc(d, { learner, subject: 'Maths', assignmentBrief: '' }, 'G')),
      progress: make((d) => createProgressReportDoc(d, { learner, subject: 'Maths', final: false, previous: {} }, 'G')),
      final: make((d) => createProgressReportDoc(d, { learner, subject: 'Maths', final: true, previous: {} }, 'G')),
      review: make((d) => createProgressReviewDoc(d, { title: 'Autumn review', date: '2026-11-23' }, 'G')),
    };
    expect(Object.values(docs).map(reportKindOf)).toEqual([
      'session-report',
      'ilp',
      'progress-report',
      'final-report',
      'progress-review',
    ]);
    expect(Object.values(docs).map(reportTitle)).toEqual([
      'Session report: Ada Lovelace: Maths',
      'Individual Learning Plan: Ada Lovelace: Maths',
      'Progress report: Ada Lovelace: Maths',
      'Final progress report: Ada Lovelace: Maths',
      'Progress-review checklist: Autumn review',
    ]);
    expect(isMarginReportDoc(new Y.Doc())).toBe(false);
    const foreign = make((d) => meta(d).set('format', 'toString'));
    expect(isMarginReportDoc(foreign)).toBe(false);
    expect(reportTitle(foreign)).toBe('Report');
  });
});

describe('report kind registry', () => {
  it('lists each kind once, by its name and by its format', () => {
    expect(reportKinds).toHaveLength(9);
    expect(new Set(reportKinds).size).toBe(reportKinds.length);
    for (const kind of reportKinds) {
      const definition = reportKindDefinitions[kind];
      expect(definition.kind).toBe(kind);
      expect(reportFormats[definition.format]).toBe(kind);
    }
  });

  it('knows which free-text fields are internal, and which kinds a progress report is measured against', () => {
    expect(internalFieldKeys).toEqual(['agencyComment']);
    expect(progressKinds).toEqual(['ilp', 'progress-report']);
  });

  it('asks the kind for its workflow: its own status machine only for the termly review', () => {
    const own = reportKinds.filter((kind) => reportKindDefinitions[kind].workflow.decisions);
    expect(own).toEqual(['termly-review']);
    const made = make((d) =>
      createSessionReportDoc(d, { date: '', start: '', finish: '', subject: '', learners: [] }, 'G'),
    );
    expect(reportDefinitionOf(made)?.workflow.drawnBy).toBe('report-page');
    expect(reportDefinitionOf(new Y.Doc())).toBeUndefined();
  });
});

describe('roleWord', () => {
  it("names a role in the kind's own words, or plainly", () => {
    expect(roleWord(reportKindDefinitions['termly-review'], 'tutor')).toBe('induction tutor');
    expect(roleWord(reportKindDefinitions['termly-review'], 'teacher')).toBe('early career teacher');
    expect(roleWord(reportKindDefinitions['coaching-cycle'], 'tutor')).toBe('mentor');
    expect(roleWord(reportKindDefinitions['session-report'], 'tutor')).toBe('tutor');
    expect(roleWord(undefined, 'reviewer')).toBe('reviewer');
    expect(roleWord(undefined, 'stranger')).toBe('stranger');
  });
});
