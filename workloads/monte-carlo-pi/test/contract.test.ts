// The shared workload contract: parallel equals serial under both strategies at 1, 2 and 3 workers.
import { describeWorkloadContract } from '@parlab/bench/testing';
import { workload } from '../dist/src/index.js';

describeWorkloadContract(workload);
