/**
 * Whether a process with this id runs: `kill(pid, 0)` checks without signalling it (EPERM: it
 * runs, as another user's). Not a positive whole number: no.
 */
export function isProcessRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
