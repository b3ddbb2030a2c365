// @parlab/core: the two strategies, Process, and what the other primitives build on.
export { STRATEGIES } from './types.js';
export type { ProcessInfo, ResourceLimits, StrategyName, TargetRef } from './types.js';
export {
  Process,
  activeChildren,
  reapChildren,
  checkStrategy,
  getDefaultStrategy,
  setDefaultStrategy,
} from './process.js';
export type { JoinOptions, ProcessOptions, Target } from './process.js';
export { cpuCount, currentProcess, parentProcess } from './context.js';
export { defineTargets, loadTarget, refOf, targetRef, toTargetRef } from './target.js';
export { isMain } from './main-module.js';
export { CloneError, ProcessStateError, TargetError, TimeoutError, WorkerExitError } from './errors.js';
export { checkSignal, checkTimeout, waitTimeout, withDeadline } from './wait.js';
export { flushPending, onProgramEnd } from './flush.js';
export { isJsonExact, jsonCopy, NOT_JSON } from './json.js';
export type { WaitOptions } from './wait.js';
export { toHandle, isShareable } from './handles.js';
export type { EncodeContext, HandleDescriptor, ReviveContext, Reviver, Shareable } from './handles.js';
export {
  decodeError,
  decodeSync,
  decodeValue,
  encodeError,
  encodeValue,
  reviveContext,
  transferCollector,
} from './codec.js';
export { startWorker, locateCloneFailure } from './launcher.js';
export type { StartWorkerOptions } from './launcher.js';
export { isMessage } from './protocol.js';
export type { FatalMessage } from './protocol.js';
export type { ExitInfo, StrategyWorker } from './strategy/index.js';
export type { Program, ProgramContext } from './runtime/program.js';
