/**
 * Places for open live streams, in total and per user: `take` answers a release function, or null when either
 * cap is reached. Each open stream holds a timer, a subscription and a socket; without caps one signed-in user
 * could open enough of them to exhaust the server.
 */
export class StreamSlots {
  private total = 0;
  private perUser = new Map<string, number>();

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerUser: number,
  ) {}

  take(userId: string): (() => void) | null {
    const held = this.perUser.get(userId) ?? 0;
    if (this.total >= this.maxTotal || held >= this.maxPerUser) return null;
    this.total += 1;
    this.perUser.set(userId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }

  get open(): number {
    return this.total;
  }
}
