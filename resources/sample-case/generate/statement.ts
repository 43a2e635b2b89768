/**
 * The company's press statement (EML): a plain-text body, quoted-printable because of
 * its curly quotes, and a small fact sheet attached as a .txt file.
 */
import { CAST, FICTION_NOTICE, MEMO_PASSAGE, type GeneratedFile } from './story.js';

export const STATEMENT_FILE = '2020-11-23-visage-index-statement.eml';
export const FACT_SHEET_FILE = 'visage-index-fact-sheet.txt';
const SUBJECT = 'Statement from Visage Index on the Port Alder Police Department memorandum';
const BOUNDARY = '=_exhibit-sample-7f3a9c';

/** The memo's words the company picks up: "has not evaluated … legal basis". */
const QUOTED = MEMO_PASSAGE.replace(/^The department (has not evaluated .* legal basis) of these services.*$/, '$1');

const BODY = `FOR IMMEDIATE RELEASE

${CAST.companyShort} statement on the ${CAST.department} memorandum

${CAST.city}, November 23, 2020 — ${CAST.companyShort} respects the ${CAST.department}’s decision to review how its officers use investigative technology, and we are ready to take part in a formal evaluation.

The memorandum notes that the department “${QUOTED}” of services like ours. We would welcome that evaluation, and we will give the department’s reviewers full access to our accuracy testing and our security audits.

${CAST.companyShort} is a search tool for trained investigators, not a surveillance system. A result from our platform is a lead, not an identification, and our terms of service require every user to confirm a lead through independent investigation before acting on it.

Our trial accounts are offered only to verified law-enforcement email addresses. In light of the memorandum, we have suspended all trial accounts associated with ${CAST.city} addresses.

We have received Senator ${CAST.senator}’s letter of November 20 and will answer her questions in full by her deadline.

Media contact:
${CAST.spokesperson}, Director of Communications
press@visageindex.example

---
${FICTION_NOTICE}
`;

const FACT_SHEET = `${CAST.companyShort.toUpperCase()} — FACT SHEET (November 2020)

What it is: a face-search service for law-enforcement investigators.
Founded: 2017. Chief executive: ${CAST.ceo}.
Customers: police agencies on annual subscriptions; individual officers on 30-day trials.
How a search works: an investigator uploads a photograph; the service returns possible matches from images collected from public websites, with links to where each image was found.
What a result is: a lead that must be confirmed by independent investigation, never an identification.

${FICTION_NOTICE}
`;

/** Quoted-printable (RFC 2045): UTF-8 bytes, "=XX" escapes, soft line breaks before 76 columns. */
export function quotedPrintable(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const bytes = new TextEncoder().encode(line);
      let encoded = '';
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const plain = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        encoded += plain ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      });
      const out: string[] = [];
      while (encoded.length > 75) {
        let cut = 75;
        // Never split an "=XX" escape across a soft break.
        const escapeAt = encoded.lastIndexOf('=', cut);
        if (escapeAt > cut - 3) cut = escapeAt;
        out.push(encoded.slice(0, cut) + '=');
        encoded = encoded.slice(cut);
      }
      out.push(encoded);
      return out.join('\r\n');
    })
    .join('\r\n');
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export async function buildStatement(): Promise<GeneratedFile> {
  const headers = [
    `From: ${CAST.companyShort} Press Office <press@visageindex.example>`,
    'To: Port Alder newsrooms <newsdesk-list@visageindex.example>',
    `Cc: ${CAST.spokesperson} <m.lindqvist@visageindex.example>`,
    `Subject: ${SUBJECT}`,
    'Date: Mon, 23 Nov 2020 09:30:00 -0800',
    'Message-ID: <20201123173000.statement@visageindex.example>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
  ];
  const eml = [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(BODY),
    `--${BOUNDARY}`,
    `Content-Type: text/plain; charset=utf-8; name="${FACT_SHEET_FILE}"`,
    `Content-Disposition: attachment; filename="${FACT_SHEET_FILE}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(FACT_SHEET),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
  return {
    fileName: STATEMENT_FILE,
    bytes: new TextEncoder().encode(eml),
    entries: {
      [STATEMENT_FILE]: {
        type: 'statement',
        title: SUBJECT,
        authors: [`${CAST.companyShort} Press Office`],
        recipients: ['Port Alder newsrooms'],
        organization: CAST.company,
        date: '2020-11-23',
        source: CAST.company,
        url: null,
        description: 'The company welcomes an evaluation, says a result is a lead rather than an identification, and suspends Port Alder trial accounts.',
      },
      [`${STATEMENT_FILE}#${FACT_SHEET_FILE}`]: {
        type: 'other',
        title: `${CAST.companyShort} fact sheet`,
        authors: [`${CAST.companyShort} Press Office`],
        recipients: [],
        organization: CAST.company,
        date: '2020-11',
        source: CAST.company,
        url: null,
        description: 'Attached to the press statement: what the service is, who uses it, and what a search result means.',
      },
    },
  };
}
