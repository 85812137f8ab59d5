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

const RECENT_MAX = 10;

const settingsSchema = z.object({
  schemaVersion: z.literal(1),
  preferences: storedPreferencesSchema,
  recent: z.array(z.string()).catch([]),
  libraries: z.record(z.string(), z.object({ loadRemoteImages: z.boolean().catch(false) })).catch({}),
});

export type AppSettingsData = z.infer<typeof settingsSchema>;

export class AppSettings {
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
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return new AppSettings(file, fresh);
    }
    try {
      return new AppSettings(file, settingsSchema.parse(JSON.parse(raw)));
    } catch {
      await rename(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
      return new AppSettings(file, fresh);
    }
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
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
