/**
 * Letters known by their structure, and titles kept clear of the page's furniture, each
 * on real snippets copied from documents of the labelled set (NZ Police OIA letters,
 * prosecutors' and senators' releases, PDFs).
 */
import { describe, expect, it } from 'vitest';
import type { Inference, InferredField } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { sentenceCase } from '../../src/main/archive/infer/sentence-case.js';

function infer(text: string, format: 'text' | 'pdf' = 'text'): Inference[] {
  return inferMetadata({ format, metadata: {}, pages: [{ text }] });
}

function value(text: string, field: InferredField, format: 'text' | 'pdf' = 'text'): Inference['value'] | undefined {
  const found = infer(text, format).find((i) => i.field === field);
  if (found?.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found?.value;
}

const COOK =
  'Police National Headquarters\n180 Molesworth Street. PO BOX 3017 Wellington 6140 New Zealand\n' +
  'Telephone: 04 474 9499. www.police.govt.nz\nIR-01-23-34244\n1 December 2023\nF Cook\n' +
  'fyi-request-24539-64bac351@requests.fyi.org.nz\nTēnā koe F Cook\nRequest for Information\n' +
  'Thank you for your Official Information Act 1982 (OIA) request of 26 October 2023, in\nwhich you asked for the following:\n' +
  'You have the right to ask the Ombudsman to review the handling of your request if you\n' +
  'are not satisfied with Police’s response.\nNāku noa, nā\nIan Barnes\nAssurance Manager: Police Instructions\nAssurance Group';

const HARRIS =
  'National Criminal Investigations Group\nPolice National Headquarters\n180 Molesworth Street, PO Box 3017, Wellington 6011\n' +
  'Phone +64 4 474 9499 Fax +64 4 4736830\n26 November 2014\nMr Alex Harris\nxxxxxxxxxxxx@xxxxxxxx.xxx.xx\nDear Mr Harris\n' +
  'REQUEST FOR POLICE INSTRUCTIONS ON SPARK (TELECOM) INQUIRIES\nAND VODAFONE PROTOCOL\n(OMBUDSMAN OFFICE FILE: 365982 POLICE FILE: 12/1658/16)\n' +
  'Police has been notified of your complaint and the commencement of initial enquiries\nby the Ombudsman.\n' +
  'A copy of this letter and\nattachments will be forwarded to the Office of the Ombudsman.\nYours faithfully\nDetective Inspector Paul Berry\nPNHQ';

describe('a letter by its structure, in any language', () => {
  it('reads a Māori salutation and closing: type, signer, recipient and subject line', () => {
    expect(value(COOK, 'type')).toBe('letter');
    expect(value(COOK, 'authors')).toEqual(['Ian Barnes']);
    expect(value(COOK, 'recipients')).toEqual(['F Cook']);
    expect(value(COOK, 'title')).toBe('Request for Information');
  });

  it('reads "Dear Mr Harris" without punctuation, a signer after his rank, a subject in capitals over two lines', () => {
    expect(value(HARRIS, 'type')).toBe('letter');
    expect(value(HARRIS, 'authors')).toEqual(['Paul Berry']);
    expect(value(HARRIS, 'recipients')).toEqual(['Alex Harris']);
    // Its case follows the body's spellings, which this snippet mostly lacks.
    expect(String(value(HARRIS, 'title')).toLowerCase()).toBe(
      'request for police instructions on spark (telecom) inquiries and vodafone protocol',
    );
  });

  it('takes no signer from a closing above a list of co-signers (a release carrying a letter)', () => {
    const text =
      'Carper, Other Democrats Urge Homeland Security Dept. to Release Rail Security Funds\n' +
      'Dear Secretary Chertoff:\nOur citizens deserve existing and additional security resources.\n\n\nSincerely,  \n' +
      'Hillary Rodham Clinton, Jack Reed, Joe Lieberman, Tom Carper, Charles Schumer\n### Return';
    expect(infer(text).find((i) => i.rule === 'signature-block')).toBeUndefined();
  });
});

describe('titles are not the page’s furniture', () => {
  it('drops a site’s name after the title, named by its organisation word or written again on the page', () => {
    expect(
      value(
        "Judge Dismisses Indictment Against Former LAPD Officer | Los Angeles County District Attorney's Office\nSkip to main content\n",
        'title',
      ),
    ).toBe('Judge Dismisses Indictment Against Former LAPD Officer');
    expect(
      value(
        'Man Sentenced for Convention Center Shootout - DA NewsCenter\nYou are here:\nHome\nNews\nBarbara Medina\n',
        'title',
      ),
    ).toBe('Man Sentenced for Convention Center Shootout');
  });

  it('skips a form number, a running header, a citation cut at its date and a section kicker', () => {
    expect(value('DCF-F-2476-E (R. 04/2014)\n90-Day Summary Report for Child Death, Serious Injury\n', 'title')).toBe(
      '90-Day Summary Report for Child Death, Serious Injury',
    );
    const dmca =
      'Pub. L. No. 105-304, 112 Stat. 2860 (Oct. 28, 1998).1\nCopyright Office Summary December 1998 Page 1\n' +
      'THE DIGITAL MILLENNIUM COPYRIGHT ACT OF 1998\nU.S. Copyright Office Summary\nDecember 1998\nINTRODUCTION\n';
    expect(String(value(dmca, 'title', 'pdf')).toLowerCase()).toBe('the digital millennium copyright act of 1998');
    const review =
      'COASTLINE CIVIC REVIEW\nWeekly · Public safety\nAfter the memo: how face-search trials\n' +
      'spread through Port Alder’s police\nOfficers signed up for free trials with a personal email address.\n';
    expect(value(review, 'title', 'pdf')).toBe(
      'After the memo: how face-search trials spread through Port Alder’s police',
    );
  });

  it('skips a contact block and reads the headline after "For Immediate Release:"', () => {
    const text =
      'October 3, 2019 Contact: Kimberlee Leach\nDirector of Communications\nDallas County District Attorney’s Office\n' +
      '214-653-3756 (Office)\nKimberlee.leach@DallasCounty.org\n' +
      'For Immediate Release: Former Dallas Police Officer Amber Guyger Guilty of Murder\n(Dallas, Texas) – Following a week…';
    expect(value(text, 'title')).toBe('Former Dallas Police Officer Amber Guyger Guilty of Murder');
  });

  it('cuts a headline glued to the next sentence, and rejoins one cut at a dropped apostrophe', () => {
    const frt =
      'Police\nInstructions\nPolice use of Facial Recognition Technology (FRT)This document was current at 15 August 2024.Police policies are regularly reviewed and updated.\n';
    expect(value(frt, 'title', 'pdf')).toBe('Police use of Facial Recognition Technology (FRT)');
    const scraped =
      '      April 21  2005 Contact             Lieberman Joins Colleagues to File Petition Calling for Action Against China   s Unfair Currency Manipulation          ';
    expect(value(scraped, 'title')).toBe(
      'Lieberman Joins Colleagues to File Petition Calling for Action Against China’s Unfair Currency Manipulation',
    );
  });

  it('finds no headline where the page opens on its lead after a dateline', () => {
    const text =
      ' WASHINGTON  D C  Continuing his efforts to lower the rising rates of childhood obesity  Senator Tom Harkin  D IA  today introduced legislation encouraging schools to provide kids with quality physical education   Since the 1970s  the percentage rate of obesity has more than doubled for preschool children aged 2 5 years and adolescents  ';
    expect(value(text, 'title')).toBeUndefined();
  });

  it('keeps function words in lower case in a sentence-cased headline whatever the body’s capitals', () => {
    expect(sentenceCase('REQUEST FOR INFORMATION ON SPARK', 'FOR ON Spark')).toBe('Request for information on Spark');
  });
});
