// Entry of a child started by the `process` strategy.
import { connectToParentProcess } from '../strategy/process.js';
import { boot } from './boot.js';

boot(connectToParentProcess());
