/**
 * Routes as URL hashes and back: pure, so the hash grammar is tested without a browser.
 * The hooks that follow the hash live in router.ts.
 */

export type Route =
  | { name: 'library' }
  | {
      name: 'reader';
      documentId: number;
      page?: number;
      quoteId?: number;
      find?: string;
      /** Offsets into `page`'s text of words to show (where an inferred value came from). */
      mark?: { start: number; end: number };
    }
  | { name: 'review' }
  | { name: 'quotes'; collectionId?: number }
  | { name: 'import' };

/** Parses `#/doc/12?page=2&find=word` and friends; anything unknown is the library. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  const num = (value: string | null | undefined): number | undefined => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : undefined;
  };
  switch (parts[0]) {
    case 'doc': {
      const documentId = num(parts[1]);
      if (documentId === undefined) return { name: 'library' };
      const route: Route = { name: 'reader', documentId };
      const page = num(params.get('page'));
      const quoteId = num(params.get('quote'));
      const find = params.get('find');
      if (page !== undefined) route.page = page;
      if (quoteId !== undefined) route.quoteId = quoteId;
      if (find) route.find = find;
      const mark = /^(\d+)-(\d+)$/.exec(params.get('mark') ?? '');
      if (mark && page !== undefined && Number(mark[1]) < Number(mark[2]))
        route.mark = { start: Number(mark[1]), end: Number(mark[2]) };
      return route;
    }
    case 'quotes': {
      const collectionId = num(params.get('collection'));
      return collectionId === undefined ? { name: 'quotes' } : { name: 'quotes', collectionId };
    }
    case 'import':
      return { name: 'import' };
    case 'review':
      return { name: 'review' };
    default:
      return { name: 'library' };
  }
}

/** The hash for a route (the inverse of parseRoute). */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'reader': {
      const params = new URLSearchParams();
      if (route.page !== undefined) params.set('page', String(route.page));
      if (route.quoteId !== undefined) params.set('quote', String(route.quoteId));
      if (route.find) params.set('find', route.find);
      if (route.mark) params.set('mark', `${route.mark.start}-${route.mark.end}`);
      const query = params.toString();
      return `#/doc/${route.documentId}${query ? `?${query}` : ''}`;
    }
    case 'quotes':
      return route.collectionId === undefined ? '#/quotes' : `#/quotes?collection=${route.collectionId}`;
    case 'import':
      return '#/import';
    case 'review':
      return '#/review';
    default:
      return '#/library';
  }
}
