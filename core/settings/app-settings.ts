/**
 * App-wide settings kept in the app's data folder: preferences, the recent libraries, and the
 * options a user set per library. A missing or mangled file means defaults, never a crash;
 * a mangled file is kept aside so nothing the user wrote is lost.
 */
import { readFile, rename, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isTempFileOf, removeStaleTempFiles, writeFileDurable } from '../files/durable-write.js';
import { defaultPreferences, storedPreferencesSchema, type Preferences } from './preferences.js';
import { INSTALLATION_ID, newInstallationId } from './coder-identity.js';

const RECENT_MAX = 10;

const settingsSchema = z.object({
  schemaVersion: z.literal(1),
  /** This machine's part of every writer id (see coder-identity.ts); made once, then kept. */
  installationId: z.string().regex(INSTALLATION_ID).optional().catch(undefined),
  preferences: storedPreferencesSchema,
  recent: z.array(z.string()).catch([]),
  libraries: z.record(z.string(), z.object({ loadRemoteImages: z.boolean().catch(false) })).catch({}),
});

export type AppSettingsData = z.infer<typeof settingsSchema>;

export class AppSettings {
  /** The file holds what is in memory (false until the first save, for a fresh or older file). */
  private saved = false;

  private constructor(
    private readonly file: string,
    private data: AppSettingsData,
  ) {}

  static async load(appDataDir: string): Promise<AppSettings> {
    await mkdir(appDataDir, { recursive: true });
    const file = join(appDataDir, 'settings.json');
    await removeStaleTempFiles(appDataDir, undefined, isTempFileOf(file));
    const fresh: AppSettingsData = {
      schemaVersion: 1,
      preferences: { ...defaultPreferences },
      recent: [],
      libraries: {},
    };
    let settings: AppSettings;
    try {
      const raw = await readFile(file, 'utf8').catch(() => null);
      settings = new AppSettings(file, raw === null ? fresh : settingsSchema.parse(JSON.parse(raw)));
    } catch {
      await rename(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
      settings = new AppSettings(file, fresh);
    }
    if (settings.data.installationId) settings.saved = true;
    else settings.data.installationId = newInstallationId();
    return settings;
  }

  /**
   * This machine's installation id, kept in the settings file: written there the first time it is
   * asked for, so every Gloss on the machine (app, `gloss serve`, the CLI) writes to one folder.
   */
  async installationId(): Promise<string> {
    const id = this.data.installationId!;
    if (!this.saved) await this.save().catch(() => undefined); // a read-only app folder: this run's id
    return id;
  }

  /** The installation id as far as known without writing (see installationId()). */
  get currentInstallationId(): string {
    return this.data.installationId!;
  }

  get preferences(): Preferences {
    return { ...this.data.preferences };
  }

  get recent(): string[] {
    return [...this.data.recent];
  }

  libraryOptions(root: string): { loadRemoteImages: boolean } {
    return { loadRemoteImages: false, ...this.data.libraries[root] };
  }

  async setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
    this.data.preferences = { ...this.data.preferences, ...stripUndefined(patch) };
    await this.save();
    return this.preferences;
  }

  async addRecent(root: string): Promise<void> {
    this.data.recent = [root, ...this.data.recent.filter((r) => r !== root)].slice(0, RECENT_MAX);
    await this.save();
  }

  async setLibraryOptions(root: string, options: { loadRemoteImages: boolean }): Promise<void> {
    this.data.libraries[root] = options;
    await this.save();
  }

  private async save(): Promise<void> {
    await writeFileDurable(this.file, JSON.stringify(this.data, null, 2));
    this.saved = true;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
