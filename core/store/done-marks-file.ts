/**
 * The done marks on disk (see core/teams/done-marks.ts): this writer's
 * `<dataDir>/coders/<writerId>/marks.json`, and every writer folder's file merged per coder
 * (writer-json-file.ts reads others' files as hostile input and writes only one's own).
 */
import {
  DONE_MARKS_FILE,
  doneMarksSchema,
  emptyDoneMarks,
  mergeDoneMarks,
  withDoneMark,
} from '../teams/done-marks.js';
import { parseWriterId } from '../teams/coder.js';
import {
  readWriterFiles,
  updateWriterFile,
  writerFileOf,
  type WriterFileProblem,
} from './writer-json-file.js';

export type MarksProblem = WriterFileProblem;

export function marksFileOf(dataDir: string, writerId: string): string {
  return writerFileOf(dataDir, writerId, DONE_MARKS_FILE);
}

/** Every coder's done articles, merged over the writer folders of the data folders given. */
export async function readDoneMarks(
  dataDirs: readonly string[],
  problems: MarksProblem[] = [],
): Promise<Map<string, Set<string>>> {
  const files = await readWriterFiles(dataDirs, DONE_MARKS_FILE, doneMarksSchema, problems);
  return mergeDoneMarks(
    files.map(({ writerId, doc }) => ({ coderId: parseWriterId(writerId)!.coderId, marks: doc })),
  );
}

/** Marks (or unmarks) an article in this writer's own file. */
export function setDoneMark(
  dataDir: string,
  writerId: string,
  articleId: string,
  done: boolean,
): Promise<void> {
  return updateWriterFile(dataDir, writerId, DONE_MARKS_FILE, doneMarksSchema, emptyDoneMarks, (marks) =>
    withDoneMark(marks, articleId, done, new Date().toISOString()),
  );
}
