/**
 * The deputy chief's memo (PDF, two pages). Page 1 holds the passage the other
 * documents quote; page 2 holds the directive.
 */
import { createPdf, writePages, type Block } from './pdf-layout.js';
import { CAST, FICTION_NOTICE, MEMO_DIRECTIVE, MEMO_PASSAGE, type GeneratedFile } from './story.js';

export const MEMO_FILE = '2020-11-13-port-alder-police-memo.pdf';
const TITLE = 'Use of third-party facial-recognition services';

const numbered = (n: number, heading: string, text: string): Block => ({ text: `${n}. ${heading}. ${text}`, before: 10 });

const PAGE_1: Block[] = [
  { text: CAST.department.toUpperCase(), style: 'bold', size: 14, align: 'center', before: 0 },
  { text: 'Office of the Deputy Chief · Operations Bureau', size: 10, align: 'center', before: 2 },
  { text: 'MEMORANDUM', style: 'bold', size: 16, align: 'center', before: 18, rule: true },
  { text: 'TO: All sworn and civilian personnel', before: 14 },
  { text: `FROM: ${CAST.deputyChief}, Deputy Chief of Police`, before: 2 },
  { text: 'DATE: November 13, 2020', before: 2 },
  { text: `SUBJECT: ${TITLE}`, style: 'bold', before: 2 },
  { text: 'REFERENCE: Directive 20-114', before: 2, rule: true },
  numbered(
    1,
    'Purpose',
    'This memorandum sets out the department’s position on commercial facial-recognition services offered to police agencies on a trial or subscription basis. It remains in force until the department adopts a written policy on facial recognition, which the Chief of Police has asked the Policy Unit to draft by March 2021.',
  ),
  numbered(
    2,
    'Background',
    `An internal review has found that some officers created trial accounts with commercial facial-recognition vendors and used them to search photographs taken during investigations. ${MEMO_PASSAGE} Several vendors offer free trial accounts directly to individual officers, often through a personal email address, outside the department’s procurement and records systems.`,
  ),
  numbered(
    3,
    'Concerns',
    'Images submitted to these services leave the department’s custody. They may be retained by the vendor, used to train its systems or disclosed to others, and the department cannot audit who searched for whom, or why. A possible match returned by such a service is not an identification; it must never be treated as probable cause or shown to a witness as if it were one.',
  ),
  {
    text: 'The review found searches in at least eleven open investigations between June and October 2020. None of the results has been used as evidence in court so far as the review could establish — a finding the Professional Standards Division is now verifying case by case.',
    before: 10,
  },
];

const PAGE_2: Block[] = [
  {
    text: `4. Directive. ${MEMO_DIRECTIVE} This applies on duty and off duty, on department and personal devices, and to free trials as well as paid accounts. It also applies to searches run on an officer’s behalf by a friend, a relative or another agency.`,
    before: 0,
  },
  numbered(
    5,
    'Existing accounts',
    'Officers who have created an account with such a service must stop using it at once and report the account to their commanding officer by November 27, 2020, listing the service, the dates of use and the case numbers involved. Reporting under this paragraph will not by itself lead to discipline.',
  ),
  numbered(
    6,
    'Records',
    'Search results already obtained must not be deleted. Commanding officers will forward them, with the report required by paragraph 5, to the Professional Standards Division, which will preserve them under the department’s records-retention schedule.',
  ),
  numbered(
    7,
    'Approved tools',
    'Nothing in this memorandum affects the comparison of booking photographs through the county’s mugshot system, which is governed by its own agreement and audit log.',
  ),
  numbered(8, 'Questions', 'Questions about this memorandum go to the Office of the Deputy Chief, Operations Bureau, at extension 4120.'),
  { text: CAST.deputyChief, style: 'bold', before: 36 },
  { text: 'Deputy Chief of Police, Operations Bureau', before: 2 },
  { text: 'cc: Chief of Police; Professional Standards Division; Office of the City Attorney', size: 9, before: 24 },
];

export async function buildMemo(): Promise<GeneratedFile> {
  const { pdf, fonts } = await createPdf(
    {
      title: TITLE,
      author: CAST.deputyChief,
      subject: 'Memorandum to all personnel barring commercial facial-recognition services',
      keywords: ['facial recognition', 'memorandum', CAST.department],
      creator: 'Port Alder PD Document Services',
      created: new Date('2020-11-13T15:42:00Z'),
    },
    'sans',
  );
  const bytes = await writePages(pdf, fonts, [PAGE_1, PAGE_2], FICTION_NOTICE, MEMO_FILE);
  return {
    fileName: MEMO_FILE,
    bytes,
    entries: {
      [MEMO_FILE]: {
        type: 'memo',
        title: `Memorandum: ${TITLE}`,
        authors: [CAST.deputyChief],
        recipients: ['All sworn and civilian personnel'],
        organization: CAST.department,
        date: '2020-11-13',
        source: CAST.department,
        url: null,
        description:
          'The deputy chief bars officers from submitting images to commercial facial-recognition services and orders existing accounts reported.',
      },
    },
  };
}
