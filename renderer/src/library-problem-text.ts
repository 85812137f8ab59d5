/**
 * A problem the library reports next to its list (an empty folder, an unreadable subfolder), in
 * the UI language. Core writes each as an English message from one table
 * (core/library/library-problems.ts); this reads the message back into its code and details and
 * words it with the UI's strings. Text that is no known problem is shown as it is.
 */
import type { TFunction } from 'i18next';
import { readLibraryProblem } from '../../core/library/library-problems.js';

/** Whether the library reported that its folder holds no articles (the list then need not say it too). */
export function saysNoArticles(messages: readonly string[]): boolean {
  return messages.some((m) => readLibraryProblem(m)?.code === 'no-articles');
}

export function libraryProblemText(t: TFunction, message: string): string {
  const problem = readLibraryProblem(message);
  return problem ? t(`libraryProblems.${problem.code}`, problem.details) : message;
}
