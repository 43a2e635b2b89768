/** The refusal when a passage stands in several places: the message names them, `places` lists them. */
import type { PassagePlace } from '../../../shared/quote.js';
import { ArchiveError } from '../errors.js';

export class AmbiguousPassageError extends ArchiveError {
  readonly places: PassagePlace[];

  constructor(documentId: number, places: PassagePlace[]) {
    const shown = places
      .slice(0, 10)
      .map((p) => `  ${p.occurrence}. page ${p.page === p.pageEnd ? p.page : `${p.page}–${p.pageEnd}`}: ${p.snippet}`);
    const more = places.length > 10 ? [`  … and ${places.length - 10} more`] : [];
    super(
      'conflict',
      [
        `document ${documentId}: the passage appears ${places.length} times; give a page or an occurrence to choose one:`,
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'AmbiguousPassageError';
    this.places = places;
  }
}
