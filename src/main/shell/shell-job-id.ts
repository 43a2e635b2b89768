/** Job ids for imports the shell starts itself (menu, first launch): they start with `shell-`. */
let shellJobCounter = 0;

export function shellJobId(what: string): string {
  shellJobCounter += 1;
  return `shell-${what}-${Date.now().toString(36)}-${shellJobCounter}`;
}
