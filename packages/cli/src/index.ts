// @parlab/cli: the one command-line style of parlab's commands — named re-exports only.
export { LANGS } from './lang.js';
export type { Lang, Localized } from './lang.js';
export { EXIT, UsageError, createProgram, detectLang, invalid, parseCommand, printUsageError, runProgram, setExitCode } from './program.js';
export type { ProgramSpec } from './program.js';
export { choice, choices, list, suggestion, wholeNumber } from './parsers.js';
