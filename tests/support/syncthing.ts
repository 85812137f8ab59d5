/**
 * Two real Syncthing instances sharing one folder over 127.0.0.1, for tests of Gloss under a sync
 * engine. Everything lives in a temp dir (homes, databases, logs): Syncthing never sees the user's
 * home, never announces itself, never uses relays, NAT, usage or crash reporting, and listens only
 * on loopback ports picked at run time. `stop()` kills both and removes the temp dir; call it in
 * `afterAll` so a failing test cleans up too.
 *
 * How to drive it (see `../shared/research/teams.md`): `syncthing generate` makes each device's
 * key, we write each `config.xml` ourselves (the other device at a static address, one folder with
 * the same id on both), then `syncthing serve`, and poll the REST API.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FOLDER_ID = 'gloss-library';
/** A fixed key: the REST API only listens on loopback, for the length of a test. */
const API_KEY = 'gloss-test-api-key-0123456789abcdef';

export interface SyncthingOptions {
  /** The two copies of the library, one per instance; created when missing. */
  folders: [string, string];
  /** `.stignore` lines written into each folder (ignore patterns are per device, never synced). */
  ignore?: string[];
  /** Full rescans (the watcher catches most changes first). */
  rescanIntervalS?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface SyncthingPair {
  readonly folders: [string, string];
  /**
   * Scans both folders now (so nothing waits for the watcher's delay), then polls until both
   * instances are idle, need nothing, see the other as 100 % complete and agree on the global
   * state, twice in a row. Throws with both instances' state and log tails after `timeoutMs`.
   */
  waitInSync(options?: WaitOptions): Promise<void>;
  /** Kills both instances and removes their homes. Safe to call twice. */
  stop(): Promise<void>;
}

interface Instance {
  name: string;
  home: string;
  folder: string;
  deviceId: string;
  guiPort: number;
  listenPort: number;
  child?: ChildProcess;
  log: string[];
}

/** Instances still running, killed if the test process exits without `stop()`. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port free right now on 127.0.0.1 (the OS picks it; a race with another program is unlikely). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** An environment in which Syncthing finds nothing of the user's (HOME and XDG dirs in `home`). */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'xdg-config'),
    XDG_DATA_HOME: join(home, 'xdg-data'),
    XDG_STATE_HOME: join(home, 'xdg-state'),
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    STNODEFAULTFOLDER: '1',
    STNOUPGRADE: '1',
    STNORESTART: '1',
  };
}

function generateDevice(home: string): string {
  mkdirSync(home, { recursive: true });
  const result = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], {
    encoding: 'utf8',
    env: isolatedEnv(home),
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`syncthing generate failed: ${result.stderr || result.stdout}`);
  const match = /<device id="([A-Z0-9-]+)"/.exec(readFileSync(join(home, 'config.xml'), 'utf8'));
  if (!match?.[1]) throw new Error(`no device id in ${home}/config.xml`);
  return match[1];
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The whole config of one instance; Syncthing fills every option not named here with its default. */
function configXml(self: Instance, other: Instance, rescanIntervalS: number): string {
  const folderDevice = (id: string) =>
    `<device id="${id}" introducedBy=""><encryptionPassword></encryptionPassword></device>`;
  return `<configuration version="36">
    <folder id="${FOLDER_ID}" label="library" path="${xml(self.folder)}" type="sendreceive"
        rescanIntervalS="${rescanIntervalS}" fsWatcherEnabled="true" fsWatcherDelayS="1"
        ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        ${folderDevice(self.deviceId)}
        ${folderDevice(other.deviceId)}
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="${self.deviceId}" name="${self.name}" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="${other.deviceId}" name="${other.name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${other.listenPort}</address>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${self.guiPort}</address>
        <apikey>${API_KEY}</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <announceLANAddresses>false</announceLANAddresses>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
`;
}

async function api<T>(instance: Instance, path: string, method = 'GET'): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${instance.guiPort}${path}`, {
    method,
    headers: { 'X-API-Key': API_KEY },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`${instance.name} ${method} ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` every 250 ms until it returns true; the error names `what` and the last state. */
async function until(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean>,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lastError = '';
    try {
      if (await check()) return;
    } catch (err) {
      lastError = String(err);
    }
    if (Date.now() > deadline)
      throw new Error(`Syncthing: ${what} not reached in ${timeoutMs} ms. ${lastError}\n${describe()}`);
    await sleep(250);
  }
}

function start(instance: Instance): void {
  const child = spawn(
    'syncthing',
    ['serve', `--home=${instance.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--logflags=2'],
    { env: isolatedEnv(instance.home), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    instance.log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (instance.log.length > 300) instance.log.splice(0, instance.log.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code, signal) => {
    running.delete(child);
    instance.log.push(`(exited: code ${code}, signal ${signal})`);
  });
  running.add(child);
  instance.child = child;
}

async function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

interface FolderStatus {
  state: string;
  needTotalItems: number;
  globalFiles: number;
  globalDirectories: number;
  globalBytes: number;
  globalDeleted: number;
  localFiles: number;
  localBytes: number;
  errors: number;
  pullErrors: number;
}
interface Completion {
  completion: number;
  needItems: number;
  needDeletes: number;
}

/** Starts two connected instances sharing `options.folders`; resolves once they are connected. */
export async function startSyncthingPair(options: SyncthingOptions): Promise<SyncthingPair> {
  const root = mkdtempSync(join(tmpdir(), 'gloss-syncthing-'));
  const instances: Instance[] = [];
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(instances.map((instance) => kill(instance.child)));
    rmSync(root, { recursive: true, force: true });
  };

  const describeAll = () =>
    instances
      .map((instance) => `--- ${instance.name} (last log lines)\n${instance.log.slice(-25).join('\n')}`)
      .join('\n');

  /** Makes an instance's home and device key, with ports free right now. */
  const prepare = async (name: string, folderPath: string): Promise<Instance> => {
    const home = join(root, name);
    const folder = resolve(folderPath);
    // The folder marker: Syncthing refuses to sync a folder without it (its guard against a
    // missing mount being taken as "everything was deleted").
    mkdirSync(join(folder, '.stfolder'), { recursive: true });
    if (options.ignore) writeFileSync(join(folder, '.stignore'), options.ignore.join('\n') + '\n');
    const instance: Instance = {
      name,
      home,
      folder,
      deviceId: generateDevice(home),
      guiPort: await freePort(),
      listenPort: await freePort(),
      log: [],
    };
    instances.push(instance);
    return instance;
  };

  const startConnected = async (): Promise<[Instance, Instance]> => {
    const a = await prepare('a', options.folders[0]);
    const b = await prepare('b', options.folders[1]);
    const rescan = options.rescanIntervalS ?? 10;
    writeFileSync(join(a.home, 'config.xml'), configXml(a, b, rescan));
    writeFileSync(join(b.home, 'config.xml'), configXml(b, a, rescan));
    start(a);
    start(b);
    for (const instance of [a, b])
      await until(
        `${instance.name}'s REST API`,
        30_000,
        async () => (await api<{ ping: string }>(instance, '/rest/system/ping')).ping === 'pong',
        describeAll,
      );
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const)
      await until(
        `${self.name} connected to ${other.name}`,
        30_000,
        async () => {
          const { connections } = await api<{ connections: Record<string, { connected: boolean }> }>(
            self,
            '/rest/system/connections',
          );
          return connections[other.deviceId]?.connected === true;
        },
        describeAll,
      );
    return [a, b];
  };

  const [a, b] = await startConnected().catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  let lastState = '';
  const inSyncOnce = async () => {
    const [statusA, statusB, completionA, completionB] = await Promise.all([
      api<FolderStatus>(a, `/rest/db/status?folder=${FOLDER_ID}`),
      api<FolderStatus>(b, `/rest/db/status?folder=${FOLDER_ID}`),
      // How complete each instance believes the *other* one is.
      api<Completion>(a, `/rest/db/completion?folder=${FOLDER_ID}&device=${b.deviceId}`),
      api<Completion>(b, `/rest/db/completion?folder=${FOLDER_ID}&device=${a.deviceId}`),
    ]);
    lastState = JSON.stringify({ statusA, statusB, completionA, completionB });
    const settled = (status: FolderStatus) =>
      status.state === 'idle' &&
      status.needTotalItems === 0 &&
      status.errors === 0 &&
      status.pullErrors === 0 &&
      status.localFiles === status.globalFiles &&
      status.localBytes === status.globalBytes;
    const complete = (completion: Completion) =>
      completion.completion === 100 && completion.needItems === 0 && completion.needDeletes === 0;
    const sameGlobal =
      statusA.globalFiles === statusB.globalFiles &&
      statusA.globalDirectories === statusB.globalDirectories &&
      statusA.globalBytes === statusB.globalBytes &&
      statusA.globalDeleted === statusB.globalDeleted;
    return (
      settled(statusA) && settled(statusB) && complete(completionA) && complete(completionB) && sameGlobal
    );
  };

  return {
    folders: [a.folder, b.folder],
    stop,
    async waitInSync({ timeoutMs = 45_000 } = {}) {
      // A scan returns when it is done: changes written just now are in the index after it.
      await Promise.all(
        instances.map((instance) => api(instance, `/rest/db/scan?folder=${FOLDER_ID}`, 'POST')),
      );
      let streak = 0;
      await until(
        'both folders in sync',
        timeoutMs,
        async () => {
          streak = (await inSyncOnce()) ? streak + 1 : 0;
          return streak >= 2;
        },
        () => `${lastState}\n${describeAll()}`,
      );
    },
  };
}
