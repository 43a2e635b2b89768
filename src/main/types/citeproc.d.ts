/** The small part of citeproc-js (the `citeproc` package, which has no types) that Exhibit uses. */
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  export interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
  }
  export interface CiteprocBibliographyParams {
    entry_ids: string[][];
    bibliography_errors: unknown[];
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { xclass: string };
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CiteprocCitationItem[]): string;
    makeBibliography(): false | [CiteprocBibliographyParams, string[]];
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
