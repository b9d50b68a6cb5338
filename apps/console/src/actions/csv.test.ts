import { describe, expect, it } from 'vitest';
import type { TActionListRecord } from '../api-types';
import { actionsToCsv } from './csv';

const action = {
  id: 'action-1',
  title: 'Audit 40 contacts, monthly',
  workstream: 'front-door',
  owner: { name: 'Sam "Sammy" Okafor', email: 'sam@northmoor.gov.uk' },
  rag: 'awaiting_sign_off',
  stale: false,
  chronicAmber: true,
  dueOn: '2027-01-08',
  originalDueOn: '2026-12-04',
  workingDaysLeft: 27,
  overdue: false,
  percentComplete: 100,
  lastUpdateOn: '2026-11-27',
  latestNote: 'Done\nawaiting the board',
  ofstedLinked: true,
  recommendationRefs: ['R1', 'R4'],
  evidenceCount: 2,
} as unknown as TActionListRecord;

describe('actions CSV', () => {
  it('has one header row and one row per action, with words not codes', () => {
    const [header, row, ...rest] = actionsToCsv([action]).split('\r\n');
    expect(rest).toEqual(['']); // every record, the last too, ends in CRLF
    expect(header).toBe(
      'Action,Workstream,Owner,Owner email,RAG,Stale,Chronic amber,Due (YYYY-MM-DD),Original due date,Working days left,Overdue,Per cent complete,Last update,Latest note,Ofsted-linked,Recommendations,Evidence items,Id',
    );
    expect(row).toContain('Awaiting sign-off,No,Yes,2027-01-08,2026-12-04,27,No,100,2026-11-27');
    expect(row).toContain(',R1; R4,2,action-1');
  });

  it('quotes cells holding commas, quotes or line breaks (RFC 4180)', () => {
    const csv = actionsToCsv([action]);
    expect(csv).toContain('"Audit 40 contacts, monthly"');
    expect(csv).toContain('"Sam ""Sammy"" Okafor"');
    expect(csv).toContain('"Done\nawaiting the board"');
  });

  it('neutralises a title a spreadsheet would run as a formula; a negative number stays a number', () => {
    const csv = actionsToCsv([{ ...action, title: '=HYPERLINK("http://evil.example","Click")', latestNote: '@SUM(A1)', workingDaysLeft: -3 }]);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(',-3,');
  });
});
