/** What a library reports next to its list: core's own English messages (see core/library/library-problems.ts). */
import { LIBRARY_PROBLEMS, type LibraryProblemCode } from '../../../../core/library/library-problems.js';

const libraryProblems: Record<LibraryProblemCode, string> = LIBRARY_PROBLEMS;

export default libraryProblems;
