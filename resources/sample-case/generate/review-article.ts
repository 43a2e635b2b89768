/**
 * The weekly's follow-up report (PDF, two pages). It quotes the memo's passage the way
 * reporters do: lower-cased and with a serial comma, so "nearly verbatim" has a case.
 */
import { createPdf, writePages, type Block } from './pdf-layout.js';
import { CAST, FICTION_NOTICE, MEMO_PASSAGE, type GeneratedFile } from './story.js';

export const REVIEW_FILE = '2020-11-25-coastline-civic-review.pdf';
const HEADLINE = 'After the memo: how face-search trials spread through Port Alder’s police';
const URL = 'https://civicreview.example/2020/11/25/after-the-memo';

/** "The department has … security or legal …" → "the department has … security, or legal …". */
const QUOTED = MEMO_PASSAGE.replace(/^The/, 'the').replace('data security or', 'data security, or');

const p = (text: string): Block => ({ text, before: 8 });

const PAGE_1: Block[] = [
  { text: CAST.review.toUpperCase(), style: 'bold', size: 10, before: 0 },
  { text: 'Weekly · Public safety', size: 9, before: 2, rule: true },
  { text: HEADLINE, style: 'bold', size: 20, before: 16 },
  {
    text: 'Officers signed up for free trials with a personal email address. Nobody in command knew until an audit of a burglary file.',
    style: 'italic',
    size: 12,
    before: 8,
  },
  { text: `By ${CAST.reviewReporter} · November 25, 2020`, size: 9, before: 10, rule: true },
  p(
    'It began with a burglary file that did not add up. In September, a sergeant in the Port Alder Police Department’s east precinct noticed that a suspect had been named in a case report before anyone had interviewed him. The only thing connecting him to the break-in was a grainy still from a doorbell camera.',
  ),
  p(
    'The name, it turned out, had come from a facial-recognition app that a detective had been trying out on a free trial. The department had never bought it, never tested it and never been told about it.',
  ),
  p(
    `Two months later, on November 13, Deputy Chief ${CAST.deputyChief} ordered every officer to stop. His memorandum, which the ${CAST.review} has reviewed, concedes that “${QUOTED}” It directs officers to report any accounts they opened by November 27.`,
  ),
  p(
    'An internal review found searches in at least eleven open investigations between June and October. Several officers interviewed for this report, who asked not to be named because they were not authorized to speak, said the trials were passed along by word of mouth — “like a coupon,” one said.',
  ),
];

const PAGE_2: Block[] = [
  p(
    `At least one of the services involved was ${CAST.companyShort}, according to two people familiar with the review. In a statement on November 23, the company said its trial accounts were offered only to verified law-enforcement email addresses. Officers who spoke to the ${CAST.review} said they had used personal addresses.`,
  ),
  p(
    `Senator ${CAST.senator} has asked the company’s chief executive, ${CAST.ceo}, to say by December 18 how many agencies and officers have used the service, what the company keeps and for how long, and whether its matching has been independently tested. “The people in those images never agreed to be entered into a search tool for law enforcement,” she wrote.`,
  ),
  p(
    'Civil-liberties advocates in Port Alder welcomed the memo but said it leaves the larger question open. A memo can be withdrawn by the next deputy chief; the department has promised a written policy by March 2021, and the City Council has not said whether it will hold a hearing.',
  ),
  p(
    'Defense lawyers are asking a narrower question: whether any of the eleven investigations relied on a match that was never disclosed. The department says the Professional Standards Division is checking each case file.',
  ),
  { text: `${CAST.reviewReporter} covers public safety for the ${CAST.review}.`, style: 'italic', size: 9, before: 18 },
];

export async function buildReviewArticle(): Promise<GeneratedFile> {
  const { pdf, fonts } = await createPdf(
    {
      title: HEADLINE,
      author: CAST.reviewReporter,
      subject: 'Report on the Port Alder police memo barring commercial facial-recognition services',
      keywords: ['facial recognition', 'police', 'Port Alder'],
      creator: 'Coastline Civic Review print edition',
      created: new Date('2020-11-25T11:05:00Z'),
    },
    'serif',
  );
  const bytes = await writePages(pdf, fonts, [PAGE_1, PAGE_2], FICTION_NOTICE, REVIEW_FILE);
  return {
    fileName: REVIEW_FILE,
    bytes,
    entries: {
      [REVIEW_FILE]: {
        type: 'article',
        title: HEADLINE,
        authors: [CAST.reviewReporter],
        recipients: [],
        organization: CAST.review,
        date: '2020-11-25',
        source: CAST.review,
        url: URL,
        description: 'How officers came to use free facial-recognition trials, and what the memo, the senator and the company said.',
      },
    },
  };
}
