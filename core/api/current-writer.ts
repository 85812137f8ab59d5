/** Who writes in this Gloss now: the process's `--coder`, else the preference, else the OS user. */
import { coderNameOf, writerIdentity, type WriterIdentity } from '../settings/coder-identity.js';
import type { ServiceContext } from './service-context.js';

/** A library opened with writer folders takes it when it opens (a switch reopens the library). */
export function currentWriter(ctx: ServiceContext): WriterIdentity {
  const name = coderNameOf(ctx.coderName, ctx.settings.preferences.creator);
  return writerIdentity(name, ctx.settings.currentInstallationId);
}
