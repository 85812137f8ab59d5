/** The last few cleaned articles, so flipping between them does not re-run the cleaner. */
import type { Article } from '../model.js';

export class RecentArticles {
  private readonly items = new Map<string, { key: string; article: Article }>();

  constructor(private readonly capacity: number) {}

  /** The cached article when it was made from the same file version (`key`). */
  get(id: string, key: string): Article | undefined {
    const item = this.items.get(id);
    if (!item || item.key !== key) return undefined;
    this.items.delete(id); // re-insert: Map order is our recency order
    this.items.set(id, item);
    return item.article;
  }

  set(id: string, key: string, article: Article): void {
    this.items.delete(id);
    this.items.set(id, { key, article });
    while (this.items.size > this.capacity) {
      const oldest = this.items.keys().next().value as string;
      this.items.delete(oldest);
    }
  }

  delete(id: string): void {
    this.items.delete(id);
  }
}
