/**
 * The time the tree reads statuses and "expires in" texts against. Only the test API moves it, to
 * see tokens expire without waiting an hour.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this clock by `milliseconds` from the real time; 0 restores it. */
  setOffset(milliseconds: number): void {
    this.offsetMs = milliseconds;
  }
}
