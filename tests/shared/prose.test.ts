/**
 * A quote flowed as prose: the sample memo's own text as pdf.js stores it (line ends
 * where the PDF's lines end) reads as sentences; paragraphs stay apart.
 */
import { describe, expect, it } from 'vitest';
import { foldNeedle } from '../../src/main/archive/quotes/normalize.js';
import { flowAsProse, proseParagraphs } from '../../src/shared/prose.js';

// Page 1 of resources/sample-case/files/2020-11-13-port-alder-police-memo.pdf, as stored.
const PURPOSE =
  'This memorandum sets out the department’s position on commercial\nfacial-recognition services offered to police agencies on a trial or subscription basis.\nIt remains in force until the department adopts a written policy on facial recognition,';

describe('flowAsProse', () => {
  it('reads a line end inside the memo’s sentence as a space', () => {
    expect(flowAsProse(PURPOSE)).toBe(
      'This memorandum sets out the department’s position on commercial facial-recognition services offered to police agencies on a trial or subscription basis. It remains in force until the department adopts a written policy on facial recognition,',
    );
  });

  it('changes nothing but white space: the folded text is the stored text’s', () => {
    expect(foldNeedle(flowAsProse(PURPOSE))).toBe(foldNeedle(PURPOSE));
  });

  it('joins a word hyphenated at a line end as the anchoring does, the hyphen kept', () => {
    const text = 'no officer may submit images to any commercial facial-\nrecognition service';
    expect(flowAsProse(text)).toBe('no officer may submit images to any commercial facial-recognition service');
    // The anchoring finds the flowed passage in the stored text (hyphen optional at the line end).
    expect(foldNeedle(flowAsProse(text))).toBe(foldNeedle(text).replace('\u00AD', '-'));
  });

  it('keeps a hyphen followed by a space before the line end as a dash, not a join', () => {
    expect(flowAsProse('the review could establish -\na finding')).toBe('the review could establish - a finding');
  });

  it('keeps a blank line as a paragraph break, with CRLF and spaces around it', () => {
    const text =
      '6. Records. Search results already obtained must not be\r\ndeleted.\r\n  \r\n7. Approved tools. Nothing in this memorandum affects the\ncomparison of booking photographs';
    expect(proseParagraphs(text)).toEqual([
      '6. Records. Search results already obtained must not be deleted.',
      '7. Approved tools. Nothing in this memorandum affects the comparison of booking photographs',
    ]);
    expect(flowAsProse(text)).toBe(`${proseParagraphs(text).join('\n\n')}`);
  });

  it('leaves a passage on one line as it is, spaces included', () => {
    expect(flowAsProse('Reporting under this paragraph  will not by itself lead to discipline.')).toBe(
      'Reporting under this paragraph  will not by itself lead to discipline.',
    );
  });
});
