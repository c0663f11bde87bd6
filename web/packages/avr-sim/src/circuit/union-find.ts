/** Disjoint sets over string keys (path halving, union by size): pins joined into nets. */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  /** Registers a key as its own set (no-op when known). */
  add(key: string): void {
    if (this.parent.has(key)) return;
    this.parent.set(key, key);
    this.size.set(key, 1);
  }

  find(key: string): string {
    this.add(key);
    let node = key;
    let parent = this.parent.get(node)!;
    while (parent !== node) {
      const grandparent = this.parent.get(parent)!;
      this.parent.set(node, grandparent);
      node = grandparent;
      parent = this.parent.get(node)!;
    }
    return node;
  }

  union(a: string, b: string): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size.get(rootA)! < this.size.get(rootB)!) [rootA, rootB] = [rootB, rootA];
    this.parent.set(rootB, rootA);
    this.size.set(rootA, this.size.get(rootA)! + this.size.get(rootB)!);
  }

  /** Every key, grouped by set; groups and their members in insertion order. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      const group = byRoot.get(root);
      if (group) group.push(key);
      else byRoot.set(root, [key]);
    }
    return [...byRoot.values()];
  }
}
