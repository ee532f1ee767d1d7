export interface DurationParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Whole days, hours and minutes in a span, rounded down; a negative span is zero. */
export function splitDuration(milliseconds: number): DurationParts {
  const totalMinutes = Math.max(0, Math.floor(milliseconds / 60_000));
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}
