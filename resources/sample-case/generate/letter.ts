/**
 * The senator's letter to the company's chief executive (DOCX), with its core
 * properties (title, creator, created) set the way a word processor would.
 */
import { AlignmentType, Document, Footer, Packer, Paragraph, TextRun } from 'docx';
import { CAST, FICTION_NOTICE, MEMO_PASSAGE, type GeneratedFile } from './story.js';
import { normalizeZip } from './zip-normalize.js';

export const LETTER_FILE = '2020-11-20-senator-vance-letter.docx';
const TITLE = `Letter to ${CAST.ceo}, ${CAST.company}, on facial-recognition privacy risks`;
const CREATED = '2020-11-20T16:10:00Z';

/** The memo's passage from "has not evaluated" on, as the senator quotes it. */
const QUOTED = MEMO_PASSAGE.replace(/^The department /, '');

const para = (text: string, options: { bold?: boolean; after?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    children: [new TextRun({ text, bold: options.bold ?? false })],
    spacing: { after: options.after ?? 200 },
    ...(options.align ? { alignment: options.align } : {}),
  });

const QUESTIONS = [
  `How many law-enforcement agencies and individual officers have used ${CAST.companyShort}, including through free trials, and how were trial accounts offered to them?`,
  `Does ${CAST.companyShort} confirm that an officer is authorized by their agency before opening an account, and if so, how?`,
  'What images, search records and results does the company retain, for how long, and who within the company can see them?',
  `Has ${CAST.companyShort}’s matching accuracy been independently tested, including across age, sex and skin tone? Please provide the results.`,
  `Will ${CAST.companyShort} allow people to find out whether their images are in its database, and to have them removed?`,
];

function body(): Paragraph[] {
  return [
    para('UNITED STATES SENATE', { bold: true, after: 0, align: AlignmentType.CENTER }),
    para(`Office of Senator ${CAST.senator}`, { after: 400, align: AlignmentType.CENTER }),
    para('November 20, 2020', { after: 300 }),
    para(`Mr. ${CAST.ceo}`, { after: 0 }),
    para('Chief Executive Officer', { after: 0 }),
    para(CAST.company, { after: 0 }),
    para('400 Harborview Avenue, Suite 900', { after: 300 }),
    para(`Dear Mr. ${CAST.ceo.split(' ').at(-1) ?? CAST.ceo}:`),
    para(
      `I write with serious concerns about the privacy risks of ${CAST.companyShort}’s facial-recognition service, and about reports that your company has offered free trial accounts to individual police officers without the knowledge of the agencies they work for.`,
    ),
    para(
      `On November 13, the ${CAST.department} barred its officers from using commercial facial-recognition services after an internal review found that officers had used trial accounts to search photographs taken during investigations. The department’s memorandum states that it “${QUOTED}” Reporting by the ${CAST.ledger} indicates that ${CAST.companyShort} was among the services involved.`,
    ),
    para(
      'Your company says its database holds billions of images collected from public websites. The people in those images never agreed to be entered into a search tool for law enforcement, and most of them will never learn that they were. A false match can expose an innocent person to questioning, arrest or worse; a breach of your systems could expose millions of people to stalking and fraud.',
    ),
    para('Please answer the following questions in writing by December 18, 2020:'),
    ...QUESTIONS.map((q, i) => para(`${i + 1}. ${q}`, { after: 120 })),
    para(
      'I also ask that you suspend all trial accounts opened by individual officers until you can show that each one was authorized by the officer’s agency.',
    ),
    para('Thank you for your prompt attention to this matter.'),
    para('Sincerely,', { after: 600 }),
    para(CAST.senator, { bold: true, after: 0 }),
    para('United States Senator'),
  ];
}

/** docx stamps core.xml with the current time; the letter's own date goes there instead. */
function fixCoreDates(name: string, data: Buffer): Buffer {
  if (name !== 'docProps/core.xml') return data;
  const xml = data
    .toString('utf8')
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${CREATED}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${CREATED}$2`);
  return Buffer.from(xml, 'utf8');
}

export async function buildLetter(): Promise<GeneratedFile> {
  const doc = new Document({
    title: TITLE,
    creator: CAST.senator,
    subject: 'Privacy risks of facial-recognition trials offered to police officers',
    description: FICTION_NOTICE,
    keywords: 'facial recognition; privacy; law enforcement',
    lastModifiedBy: CAST.senator,
    revision: 3,
    sections: [
      {
        footers: {
          default: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: FICTION_NOTICE, italics: true, size: 16 })] })] }),
        },
        children: body(),
      },
    ],
  });
  const packed = await Packer.toBuffer(doc);
  const bytes = await normalizeZip(packed, { year: 2020, month: 11, day: 20 }, fixCoreDates);
  return {
    fileName: LETTER_FILE,
    bytes,
    entries: {
      [LETTER_FILE]: {
        type: 'letter',
        title: TITLE,
        authors: [CAST.senator],
        recipients: [`${CAST.ceo}, Chief Executive Officer, ${CAST.company}`],
        organization: 'United States Senate',
        date: '2020-11-20',
        source: `Office of Senator ${CAST.senator}`,
        url: null,
        description: 'The senator asks the company how officers got trial accounts, what it keeps, and whether its matching was independently tested.',
      },
    },
  };
}
