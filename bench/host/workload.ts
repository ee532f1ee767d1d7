// The windows of `npm run bench` that measure the extension at work, inside the extension host,
// against emulators started in this same process: one create through the extension against the
// bare SDK call, creates and the view's re-rendering as the list grows, and Create Users in Bulk
// against the service's real limits. Raw samples go to the results file; bench/report.mjs
// summarizes them.
import { performance } from 'node:perf_hooks';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import * as vscode from 'vscode';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';
import { OPERATION_LIMITS, THROTTLE_WINDOW_MS } from '../../src/emulator/throttle';
import type { AcsIdentityTestApi } from '../../src/testApi';
import type { UserRecord } from '../../src/core/records';
import { RANGE_SIZE, RANGE_THRESHOLD } from '../../src/tree/identitiesTreeProvider';
import type { ResourceNode } from '../../src/tree/nodes';
import { isProfiling, profiled } from './cpuProfiler';
import { recordUsers } from './population';
import { EXTENSION_ID, isQuick, say, writeResults } from './results';
import { RowWatcher, workbenchCaughtUp } from './rowWatcher';

const SCOPES = ['chat', 'voip'] as const;
const LIFETIME_MINUTES = 60;
const BULK_LATENCY_MS = 150;

const quick = isQuick();
const plan = {
  overheadRuns: quick ? 30 : 100,
  warmUps: quick ? 5 : 10,
  createSizes: [100, 1000, 10_000],
  createRuns: quick ? 10 : 30,
  listSizes: [10, 1000, 10_000],
  listRuns: quick ? 5 : 11,
  /** A whole number of windows past the first burst, so that the steady pace spans whole windows. */
  bulkCount: quick ? 2000 : 3000,
  sequentialCount: quick ? 40 : 120,
};

interface IssuedToken {
  readonly userId: string;
}

interface BulkResult {
  readonly created: number;
  readonly failed: number;
}

function command<T>(id: string, options: object): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(id, options));
}

function createUserAndToken(resource: string): Promise<IssuedToken | undefined> {
  return command<IssuedToken | undefined>('acsIdentity.createUserAndToken', { resource, scopes: SCOPES, lifetimeMinutes: LIFETIME_MINUTES });
}

async function addResource(emulator: RunningEmulator, name: string): Promise<string> {
  const added = await command<{ resourceId: string } | undefined>('acsIdentity.addResource', { connectionString: emulator.connectionString, name });
  if (!added) {
    throw new Error(`could not add the resource "${name}"`);
  }
  return added.resourceId;
}

async function resourceNode(api: AcsIdentityTestApi, resourceId: string): Promise<ResourceNode> {
  const node = (await api.tree.getChildren()).find((candidate): candidate is ResourceNode => candidate.kind === 'resource' && candidate.resource.id === resourceId);
  if (!node) {
    throw new Error(`the resource ${resourceId} is not in the tree`);
  }
  return node;
}

/** How many of `moments` fell in each second after `start`. */
function perSecond(moments: readonly number[], start: number): number[] {
  const counts: number[] = [];
  for (const moment of moments) {
    const second = Math.floor((moment - start) / 1000);
    while (counts.length <= second) {
      counts.push(0);
    }
    counts[second]++;
  }
  return counts;
}

async function withEmulator<T>(options: EmulatorOptions, use: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, ...options });
  try {
    return await use(emulator);
  } finally {
    await emulator.close();
  }
}

/** The Identities view shown in the side bar: its resources are expanded rows, re-rendered as they change. */
async function showIdentitiesView(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.extension.acs');
}

class Workload {
  private readonly rows: RowWatcher;

  constructor(private readonly api: AcsIdentityTestApi) {
    this.rows = new RowWatcher(api);
  }

  /**
   * Create User and Issue Token from code against the same call on the bare SDK, same emulator,
   * interleaved (each goes first every other time), each started once the previous one's
   * background work (token value to SecretStorage, the view re-rendering) is over.
   */
  async overhead(): Promise<object> {
    return withEmulator({ throttle: false }, async (emulator) => {
      const resourceId = await addResource(emulator, 'overhead');
      const client = new CommunicationIdentityClient(emulator.connectionString, { allowInsecureConnection: true });
      const viaSdk = async (): Promise<number> => {
        const started = performance.now();
        await client.createUserAndToken([...SCOPES], { tokenExpiresInMinutes: LIFETIME_MINUTES });
        return performance.now() - started;
      };
      const samples = { extension: [] as number[], extensionRowShown: [] as number[], extensionIdle: [] as number[], sdk: [] as number[] };
      const known = new Set<string>();
      const secretStore = await this.secretStoreRoundTrips();
      for (let run = -plan.warmUps; run < plan.overheadRuns; run++) {
        const extensionFirst = run % 2 === 0;
        const sdk = extensionFirst ? undefined : await viaSdk();
        const created = await this.createAndSettle(resourceId, known);
        const sdkAfter = extensionFirst ? await viaSdk() : sdk;
        if (run >= 0 && sdkAfter !== undefined) {
          samples.extension.push(created.command);
          samples.extensionRowShown.push(created.rowShown);
          samples.extensionIdle.push(created.idle);
          samples.sdk.push(sdkAfter);
        }
        await this.settled();
      }
      if (isProfiling()) {
        // The command alone, each call in a profile of its own, against the SDK call alone.
        for (let run = 0; run < 10; run++) {
          await this.settled();
          await this.createAndSettle(resourceId, known, `command-with-few-users.${run}`);
          await profiled(`sdk-call.${run}`, viaSdk);
        }
      }
      await this.removeResource(resourceId);
      return { ...samples, secretStore };
    });
  }

  /** What storing one token value costs: a round trip to SecretStorage, which lives in the workbench (the browser, here). */
  private async secretStoreRoundTrips(): Promise<number[]> {
    const samples: number[] = [];
    const value = 'x'.repeat(600);
    for (let run = 0; run < 20; run++) {
      const key = `acsBench.probe/${run}`;
      const started = performance.now();
      await this.api.secrets.store(key, value);
      samples.push(performance.now() - started);
      await this.api.secrets.delete(key);
    }
    return samples;
  }

  /** Creates and lists with 100 … 10,000 users listed, the view visible and the resource expanded. */
  async scale(): Promise<object> {
    return withEmulator({ throttle: false }, async (emulator) => {
      const resourceId = await addResource(emulator, 'scale');
      const node = await resourceNode(this.api, resourceId);
      const createAt: Record<string, object> = {};
      const listAt: Record<string, object> = {};
      const populating: Record<string, number> = {};
      const sizes = [...new Set([...plan.createSizes, ...plan.listSizes])].sort((a, b) => a - b);
      for (const size of sizes) {
        populating[size] = await this.populate(resourceId, emulator.resourceId, node, size);
        if (plan.listSizes.includes(size)) {
          listAt[size] = await this.listing(node, size);
        }
        if (plan.createSizes.includes(size)) {
          createAt[size] = await this.createsAt(resourceId, node, size);
        }
        await vscode.commands.executeCommand('notifications.clearAll');
      }
      return { createAt, listAt, populatingSeconds: populating };
    });
  }

  /** Create Users in Bulk at the service's real limits with a latency, against the quickstart's loop under the same. */
  async bulk(): Promise<object> {
    const successes: number[] = [];
    const refusals: number[] = [];
    const countResponses = (line: string): void => {
      if (line.startsWith('POST /identities → ')) {
        if (line.endsWith('201')) {
          successes.push(performance.now());
        } else if (line.endsWith('429')) {
          refusals.push(performance.now());
        }
      }
    };
    // The loop first: the bulk command leaves thousands of token values on their way to SecretStorage.
    const sequential = await withEmulator({ throttle: true }, async (emulator) => {
      emulator.setLatency(BULK_LATENCY_MS);
      const client = new CommunicationIdentityClient(emulator.connectionString, { allowInsecureConnection: true });
      say(`bulk: the quickstart's loop, ${plan.sequentialCount} users one after the other`);
      const started = performance.now();
      for (let index = 0; index < plan.sequentialCount; index++) {
        await client.createUserAndToken([...SCOPES], { tokenExpiresInMinutes: LIFETIME_MINUTES });
      }
      const seconds = (performance.now() - started) / 1000;
      return { count: plan.sequentialCount, seconds, usersPerSecond: plan.sequentialCount / seconds };
    });
    const extension = await withEmulator({ throttle: true, log: countResponses }, async (emulator) => {
      emulator.setLatency(BULK_LATENCY_MS);
      const resourceId = await addResource(emulator, 'bulk');
      say(`bulk: creating ${plan.bulkCount} users with tokens at the service's limits, ${BULK_LATENCY_MS} ms latency`);
      const started = performance.now();
      const result = await command<BulkResult | undefined>('acsIdentity.createUsersInBulk', { resource: resourceId, count: plan.bulkCount, scopes: SCOPES, lifetimeMinutes: LIFETIME_MINUTES });
      const seconds = (performance.now() - started) / 1000;
      const last = successes.length - 1;
      return {
        count: plan.bulkCount,
        created: result?.created ?? 0,
        failed: result?.failed ?? plan.bulkCount,
        seconds,
        throttledResponses: refusals.length,
        // Second by second from the start: how the pace went.
        createdPerSecond: perSecond(successes, started),
        refusedPerSecond: perSecond(refusals, started),
        firstBurstSeconds: successes.length >= OPERATION_LIMITS.createIdentity ? (successes[OPERATION_LIMITS.createIdentity - 1] - started) / 1000 : undefined,
        // Past the first burst, over whole windows: what the pace settles to.
        steadyUsersPerSecond: last >= 2 * OPERATION_LIMITS.createIdentity - 1 ? ((last + 1 - OPERATION_LIMITS.createIdentity) * 1000) / (successes[last] - successes[OPERATION_LIMITS.createIdentity - 1]) : undefined,
        overallUsersPerSecond: (result?.created ?? 0) / seconds,
      };
    });
    return { latencyMs: BULK_LATENCY_MS, limitPerSecond: (OPERATION_LIMITS.createIdentity * 1000) / THROTTLE_WINDOW_MS, extension, sequential };
  }

  /**
   * One create from code: until the command returns, until the workbench has its row with the
   * token (or, for a resource listed in ranges, the row of the range that now holds it), until its
   * background work is over.
   */
  private async createAndSettle(resourceId: string, known: Set<string>, profileName?: string): Promise<{ userId: string; command: number; rowShown: number; idle: number }> {
    let createdId: string | undefined;
    // The new user is the newest: the last of the resource's users.
    const index = known.size;
    // The row may be shown before the command returns: any user row with a token that was not there before is the new one.
    const rowShown = this.rows.next(
      (node) =>
        (node.kind === 'user' && !known.has(node.user.userId) && (createdId === undefined || node.user.userId === createdId) && node.tokens.length > 0) ||
        (node.kind === 'userRange' && node.start <= index && index < node.start + node.count),
      'the new user row with its token, or the row of its range',
    );
    let started = 0;
    let returned = 0;
    const issued = await profiled(profileName, async () => {
      started = performance.now();
      const result = await createUserAndToken(resourceId);
      returned = performance.now();
      return result;
    });
    if (!issued) {
      throw new Error('Create User and Issue Token returned nothing');
    }
    createdId = issued.userId;
    await rowShown;
    await workbenchCaughtUp();
    const shownAt = performance.now();
    await this.api.whenIdle();
    const idleAt = performance.now();
    known.add(issued.userId);
    return { userId: issued.userId, command: returned - started, rowShown: shownAt - started, idle: Math.max(idleAt, shownAt) - started };
  }

  private async createsAt(resourceId: string, node: ResourceNode, size: number): Promise<object> {
    say(`create: ${plan.createRuns} users with ${size} listed`);
    const known = new Set((await listedUsers(this.api, node)).map((user) => user.userId));
    const samples = { listed: known.size, command: [] as number[], rowShown: [] as number[], idle: [] as number[] };
    for (let run = -3; run < plan.createRuns; run++) {
      await this.settled();
      const created = await this.createAndSettle(resourceId, known);
      if (run >= 0) {
        samples.command.push(created.command);
        samples.rowShown.push(created.rowShown);
        samples.idle.push(created.idle);
      }
    }
    if (isProfiling()) {
      for (let run = 0; run < 5; run++) {
        await this.settled();
        await this.createAndSettle(resourceId, known, `command-with-${size}-users.${run}`);
      }
      await profiled(`create-and-render-with-${size}-users`, () => this.repeat(3, () => this.createAndSettle(resourceId, known)));
    }
    return samples;
  }

  /**
   * The rows of a resource with `size` users: the provider alone (getChildren, then getTreeItem for
   * every row, as VS Code calls them), and the real round trip (the resource re-rendered, until
   * VS Code's extension host has every row and has sent them on).
   */
  private async listing(node: ResourceNode, size: number): Promise<object> {
    say(`list: a resource with ${size} users`);
    const samples = { listed: 0, provider: [] as number[], roundTrip: [] as number[], lastRow: [] as number[], sent: [] as number[] };
    for (let run = 0; run < plan.listRuns; run++) {
      await this.settled();
      const started = performance.now();
      const children = await this.api.tree.getChildren(node);
      for (const child of children) {
        this.api.tree.getTreeItem(child);
      }
      samples.provider.push(performance.now() - started);
      samples.listed = children.length;
      const { lastRow, sent, roundTrip } = await this.reRender(node, children.length);
      samples.lastRow.push(lastRow);
      samples.sent.push(sent);
      samples.roundTrip.push(roundTrip);
    }
    if (isProfiling()) {
      await profiled(`list-${size}-users`, () => this.repeat(3, () => this.reRender(node, samples.listed)));
    }
    return samples;
  }

  /**
   * The resource re-rendered, as a change of its users does: until VS Code's extension host has all
   * `count` rows, until it has sent them on, and until the workbench has them.
   */
  private async reRender(node: ResourceNode, count: number): Promise<{ lastRow: number; sent: number; roundTrip: number }> {
    await this.settled();
    const rendered = this.rows.children(node, count, `${count} rows of the resource`);
    const started = performance.now();
    this.api.tree.refresh(node);
    const { lastRowAt, sentAt, workbenchAt } = await rendered;
    return { lastRow: lastRowAt - started, sent: sentAt - started, roundTrip: workbenchAt - started };
  }

  /** No row asked for a moment, and the workbench done with what it was sent: the next measurement starts from rest. */
  private async settled(): Promise<void> {
    await this.rows.quiet(100);
    await workbenchCaughtUp();
  }

  private async repeat(times: number, work: () => Promise<unknown>): Promise<void> {
    for (let run = 0; run < times; run++) {
      await this.settled();
      await work();
    }
  }

  /**
   * Tops the resource up to `size` users with a token each, recorded as another window would
   * (population.ts), then waits until the view has re-rendered them. Seconds taken.
   */
  private async populate(resourceId: string, acsResourceId: string, node: ResourceNode, size: number): Promise<number> {
    const started = performance.now();
    const listed = (await listedUsers(this.api, node)).length;
    if (listed < size) {
      say(`populate: ${size - listed} more users (${size} in all)`);
      const rows = size > RANGE_THRESHOLD ? Math.ceil(size / RANGE_SIZE) : size;
      const rendered = this.rows.children(node, rows, `the view to show ${size} users (${rows} rows)`);
      await recordUsers(this.api.storageDirectory, resourceId, acsResourceId, size - listed);
      await rendered;
      await this.rows.quiet(100);
    }
    return (performance.now() - started) / 1000;
  }

  /** Removes a resource and waits for its secrets to be deleted. */
  private async removeResource(resourceId: string): Promise<void> {
    await command('acsIdentity.removeResource', { resource: resourceId });
    await this.api.whenIdle();
    await vscode.commands.executeCommand('notifications.clearAll');
  }

  dispose(): void {
    this.rows.dispose();
  }
}

/** The users listed under a resource, through its ranges when it has many. */
async function listedUsers(api: AcsIdentityTestApi, node: ResourceNode): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (const child of await api.tree.getChildren(node)) {
    if (child.kind === 'user') {
      users.push(child.user);
    } else if (child.kind === 'userRange') {
      users.push(...(await api.tree.getChildren(child)).flatMap((user) => (user.kind === 'user' ? [user.user] : [])));
    }
  }
  return users;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<AcsIdentityTestApi | undefined>(EXTENSION_ID);
  const api = await extension?.activate();
  if (!api) {
    throw new Error(`${EXTENSION_ID} did not return its test API`);
  }
  await showIdentitiesView();
  const workload = new Workload(api);
  const started = performance.now();
  // ACS_BENCH_PHASES=overhead,scale,bulk runs some of them (all by default).
  const phases = process.env.ACS_BENCH_PHASES?.split(',') ?? ['overhead', 'scale', 'bulk'];
  const results: Record<string, unknown> = { quick, plan };
  try {
    if (phases.includes('overhead')) {
      say(`overhead: Create User and Issue Token, ${plan.overheadRuns} through the extension and ${plan.overheadRuns} on the bare SDK, interleaved`);
      results.overhead = await workload.overhead();
      // Written after each phase: what was measured survives a later failure.
      writeResults(results);
    }
    if (phases.includes('scale')) {
      results.scale = await workload.scale();
      writeResults(results);
    }
    // The runner gives it a window of its own: its token values reach SecretStorage long after it returns.
    if (phases.includes('bulk')) {
      results.bulk = await workload.bulk();
    }
    // `complete`: the runner may close the window without waiting for its background work.
    writeResults({ ...results, seconds: (performance.now() - started) / 1000, complete: true });
  } finally {
    workload.dispose();
  }
}
