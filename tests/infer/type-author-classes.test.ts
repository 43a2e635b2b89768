/**
 * Type and author rules by class, on real snippets copied from documents of the labelled
 * set: releases whose officials and verbs vary, reports and regulations by their structure,
 * names that end at a preposition, headlines that name their issuers.
 */
import { describe, expect, it } from 'vitest';
import type { Inference, InferredField } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

function value(text: string, field: InferredField, format: 'text' | 'pdf' = 'text'): Inference['value'] | undefined {
  const found = inferMetadata({ format, metadata: {}, pages: [{ text }] }).find((i) => i.field === field);
  if (found?.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found?.value;
}

describe('a release by its official and its verb, however written', () => {
  it('reads a leader who spoke, senators who secured, and a comment of a senator', () => {
    expect(
      value(
        'REPUBLICANS TO PROTECT SECRET BALLOTS FOR AMERICAN WORKFORCE\n  U.S. Senate Republican Leader Mitch McConnell spoke on the Senate floor Monday regarding H.R. 800.',
        'type',
      ),
    ).toBe('statement');
    expect(
      value(
        'SENS. BAUCUS, TESTER SECURE NEARLY $9 MILLION FOR NORTH-CENTRAL MONTANA MILITARY PROJECTS\n  Senators Max Baucus and Jon Tester have secured $8.8 million for military projects in Great Falls.',
        'type',
      ),
    ).toBe('statement');
    expect(
      value(
        '       Comment Of Sen  Patrick Leahy On New Documents From DOJ Showing Deep  White House Involvement       June 12  2007  These documents  which should have been released',
        'type',
      ),
    ).toBe('statement');
  });
});

describe('reports and regulations by their structure', () => {
  it('reads a form-report by its title, a draft standard by its abstract, a proposed rule as other', () => {
    expect(
      value(
        'DCF-F-2476-E (R. 04/2014)\n90-Day Summary Report for Child Death, Serious Injury or Egregious Incident\nReports submitted to the Division',
        'type',
        'pdf',
      ),
    ).toBe('report');
    expect(
      value(
        'INTERNET DRAFT                                      Michiel B. de Jong\nExpires: 18 June 2015                                 15 December 2014\n\n                            remoteStorage\n\nAbstract\n\n    This draft describes a protocol by which client-side applications',
        'type',
      ),
    ).toBe('report');
    // Three pages with a summary: a report by its structure, were it not a proposed rule.
    const rule = [
      'Proposed Rules\nFederal Register\nVol. 85, No. 152\nThursday, August 6, 2020\nThis section of the FEDERAL REGISTER contains notices to the public of the proposed issuance of rules',
      'SUMMARY: The FAA proposes to adopt a new airworthiness directive (AD) for certain The Boeing Company airplanes.',
      'List of Subjects in 14 CFR Part 39',
    ];
    expect(inferMetadata({ format: 'pdf', metadata: {}, pages: rule.map((text) => ({ text })) })).toContainEqual(
      expect.objectContaining({ field: 'type', value: 'other' }),
    );
  });
});

describe('authors', () => {
  it('ends a name at a preposition: "Ken Thompson Regarding the Sentencing"', () => {
    expect(
      value(
        'Statement of Brooklyn District Attorney Ken Thompson Regarding the Sentencing of Peter Liang\n',
        'authors',
      ),
    ).toEqual(['Ken Thompson']);
  });

  it('takes a release’s issuers from its headline when it names them, not the colleague its lead adds', () => {
    const text =
      'Klobuchar Announces Progress on Renewable Energy Incentives   Urges passage of Senate stimulus package   ' +
      'U S  Senators Amy Klobuchar and Maria Cantwell today sent a letter to Senate leadership  said Klobuchar  Cantwell said';
    expect(value(text, 'authors')).toEqual(['Amy Klobuchar']);
  });

  it('reads a headline’s family name in capitals that the body writes in mixed case ("DEWINE", "DeWine")', () => {
    const text =
      'REP. PRYCE, SEN. DEWINE SEEK HOUSING FIX FOR DISABLED STUDENTS\n Rep. Deborah Pryce (R-Ohio) and Sen. Mike DeWine (R-Ohio) today introduced legislation. DeWine said the fix is overdue.';
    expect(value(text, 'authors')).toEqual(['Deborah Pryce', 'Mike DeWine']);
  });

  it('reads "Senate Passes Schumer Coleman Bipartisan Senate Resolution" as both senators', () => {
    const text =
      'Senate Passes Schumer Coleman Bipartisan Senate Resolution Honoring the Late Simon Wiesenthal   September 21  2005   ' +
      'WASHINGTON  DC  The Senate passed a resolution introduced by U S  Senator Charles E Schumer  Schumer said  Coleman said';
    expect((value(text, 'authors') as string[]).map((n) => n.split(' ').pop())).toEqual(['Schumer', 'Coleman']);
  });
});
