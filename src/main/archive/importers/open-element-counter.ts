/**
 * Open-element counts by name, standing in for a stack: whether we are inside a dropped
 * or preformatted element is all the text extraction needs, and counting costs the same
 * at any nesting depth.
 */
export class OpenElementCounter {
  private readonly counts = new Map<string, number>();
  total = 0;

  open(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total++;
  }

  /** Closes every open `name`. */
  closeAll(name: string): void {
    this.total -= this.counts.get(name) ?? 0;
    this.counts.delete(name);
  }

  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  /** Closes one `name` if one is open (a stray end tag is ignored). */
  close(name: string): boolean {
    const n = this.counts.get(name) ?? 0;
    if (n === 0) return false;
    this.counts.set(name, n - 1);
    this.total--;
    return true;
  }
}
