/**
 * The daily's first report (HTML). It carries the usual article metadata and one
 * harmless inline script: the renderer's tests check that it never runs.
 */
import { CAST, FICTION_NOTICE, MEMO_DIRECTIVE, MEMO_PASSAGE, type GeneratedFile } from './story.js';

export const LEDGER_FILE = '2020-11-16-port-alder-ledger.html';
const HEADLINE = 'Port Alder police bar officers from commercial face-search apps';
const URL = 'https://ledger.example/2020/11/16/police-bar-face-search-apps';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The memo's passage as the reporter quotes it: its full stop turned into a comma. */
const QUOTED = MEMO_PASSAGE.replace(/\.$/, ',');

const PARAGRAPHS = [
  `Port Alder police officers may no longer run photographs through commercial facial-recognition services, under a memo issued Friday by Deputy Chief ${CAST.deputyChief} after an internal review found officers had been using free trial accounts in active investigations.`,
  `“${MEMO_DIRECTIVE.replace(/\.$/, ',')}” reads the memo, dated November 13 and obtained by the ${CAST.ledger}.`,
  `“${QUOTED}” Whitcombe wrote to all sworn and civilian personnel.`,
  'The review found searches in at least eleven open investigations between June and October, according to the memo. Officers who opened accounts have until November 27 to report them; the memo says reporting will not by itself lead to discipline.',
  `The department did not name the vendors involved. ${CAST.companyShort}, a company that sells face-search subscriptions to police agencies and offers free trials to individual officers, did not respond to a request for comment on Sunday.`,
  'A department spokesperson said the memo would remain in force until a written policy is adopted, which the Chief of Police has asked for by March 2021.',
];

export async function buildLedgerArticle(): Promise<GeneratedFile> {
  const body = PARAGRAPHS.map((p) => `      <p>${escape(p)}</p>`).join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escape(HEADLINE)} | ${escape(CAST.ledger)}</title>
  <meta name="author" content="${escape(CAST.ledgerReporter)}">
  <meta name="date" content="2020-11-16">
  <meta name="description" content="${escape('Deputy Chief Whitcombe’s memo follows an internal review that found officers using free trial accounts in active investigations.')}">
  <meta property="og:title" content="${escape(HEADLINE)}">
  <meta property="og:site_name" content="${escape(CAST.ledger)}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="${URL}">
  <meta property="article:published_time" content="2020-11-16T06:30:00-08:00">
  <meta property="article:author" content="${escape(CAST.ledgerReporter)}">
  <link rel="canonical" href="${URL}">
  <style>
    body { font-family: Georgia, serif; max-width: 40em; margin: 2em auto; line-height: 1.5; }
    .notice { font-size: 0.8em; color: #555; border-top: 1px solid #ccc; padding-top: 0.5em; }
  </style>
  <script>window.__exhibitScriptRan = true;</script>
</head>
<body>
  <header>
    <p class="masthead">${escape(CAST.ledger)} · Local news</p>
  </header>
  <main>
    <article>
      <h1>${escape(HEADLINE)}</h1>
      <p class="byline">By <span class="author">${escape(CAST.ledgerReporter)}</span> · <time datetime="2020-11-16">November 16, 2020</time></p>
${body}
    </article>
  </main>
  <footer>
    <p class="notice">${escape(FICTION_NOTICE)}</p>
  </footer>
</body>
</html>
`;
  return {
    fileName: LEDGER_FILE,
    bytes: new TextEncoder().encode(html),
    entries: {
      [LEDGER_FILE]: {
        type: 'article',
        title: HEADLINE,
        authors: [CAST.ledgerReporter],
        recipients: [],
        organization: CAST.ledger,
        date: '2020-11-16',
        source: CAST.ledger,
        url: URL,
        description: 'The first report of the memo, quoting its directive and its admission that the services were never evaluated.',
      },
    },
  };
}
