/**
 * zod compiles fast parsers with `new Function` unless told not to, and probes for it the first
 * time an object schema is built. The UI's CSP forbids eval, so the probe is blocked and reported
 * as a policy violation at every load. The renderer only builds schemas (the API contract it
 * shares with core) and never needs their speed: run zod without compiling. Imported first by
 * main.tsx, before any module that builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
