/** What an archive's name says it is: a file, or a team archive's PostgreSQL connection string. */

/** `postgres://…` or `postgresql://…`: a team archive rather than a file. */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * The connection string as messages and Archive.path show it: never its password. A regular
 * expression, not URL: the socket form (`postgres://user@/db?host=/dir`) is no WHATWG URL.
 */
export function displayTarget(target: string): string {
  return target
    .replace(/^(postgres(?:ql)?:\/\/[^:@/?]*):[^@/?]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&]*/i, '$1***');
}
