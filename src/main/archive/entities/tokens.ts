/**
 * Words of a page with their offsets, sentence starts and parts of speech, from wink-nlp and
 * its English model (shipped inside the npm package: nothing is fetched). Only sentence
 * boundaries and part-of-speech tagging run: the model's own entities are dates and numbers.
 */
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal part of speech ("PROPN", "NOUN", "PUNCT", "SPACE", …). */
  pos: string;
  /** First word of its sentence. */
  sentenceStart: boolean;
  /** Whitespace before it holds a line break or two spaces or more (a break in the layout). */
  gapBefore: boolean;
}

let engine: ReturnType<typeof winkNLP> | null = null;

function nlp(): ReturnType<typeof winkNLP> {
  engine ??= winkNLP(model, ['sbd', 'pos']);
  return engine;
}

export function tokenize(text: string): Token[] {
  const wink = nlp();
  const its = wink.its;
  const tokens: Token[] = [];
  let at = 0;
  let gap = true;
  wink
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence) => {
      let first = true;
      sentence.tokens().each((token: ItemToken) => {
        const before = token.out(its.precedingSpaces);
        const word = token.out();
        at += before.length;
        const pos = token.out(its.pos);
        // The tokenizer keeps every character, so offsets are the running sum; a token it
        // changed would show as a mismatch, and is skipped rather than cited wrongly.
        if (text.startsWith(word, at)) {
          if (pos === 'SPACE') gap = true;
          else {
            tokens.push({
              start: at,
              end: at + word.length,
              text: word,
              pos,
              sentenceStart: first,
              gapBefore: gap || /\n|\s\s/.test(before),
            });
            first = false;
            gap = false;
          }
        }
        at += word.length;
      });
    });
  return tokens;
}
