/**
 * The user's preferences in one place: the allowed values, the defaults, the schema a caller's
 * change is checked against and the one a stored file is read with. Pure (zod only), so the API
 * contract, the settings file and the renderer all take them from here.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const FONT_SIZE = { min: 10, max: 40 } as const;

export type LanguagePreference = (typeof LANGUAGES)[number];
export type ThemePreference = (typeof THEMES)[number];

export interface Preferences {
  language: LanguagePreference;
  theme: ThemePreference;
  /** The coder's display name ('' = the default: the OS user name). */
  creator: string;
  /** The first-run "who is coding?" question was answered or skipped. */
  coderAsked: boolean;
  fontSize: number;
}

export const defaultPreferences: Preferences = {
  language: 'system',
  theme: 'system',
  creator: '',
  coderAsked: false,
  fontSize: 18,
};

const creator = z.string().max(LIMITS.name);
const fontSize = z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max);

/** A change the user asks for: every field optional, anything unknown refused. */
export const preferencesPatchSchema = z
  .object({
    language: z.enum(LANGUAGES).optional(),
    theme: z.enum(THEMES).optional(),
    creator: creator.optional(),
    coderAsked: z.boolean().optional(),
    fontSize: fontSize.optional(),
  })
  .strict();

/** Preferences read back from the settings file: a mangled field falls back to its default. */
export const storedPreferencesSchema = z
  .object({
    language: z.enum(LANGUAGES).catch(defaultPreferences.language),
    theme: z.enum(THEMES).catch(defaultPreferences.theme),
    creator: creator.catch(defaultPreferences.creator),
    coderAsked: z.boolean().catch(defaultPreferences.coderAsked),
    fontSize: fontSize.catch(defaultPreferences.fontSize),
  })
  .catch(defaultPreferences);
