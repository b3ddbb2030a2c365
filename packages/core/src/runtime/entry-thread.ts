// Entry of a worker started by the `thread` strategy.
import { connectToParentThread } from '../strategy/thread.js';
import { boot } from './boot.js';

boot(connectToParentThread());
