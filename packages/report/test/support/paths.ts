// Paths the tests share: the fixture, the built CLI, the artifacts folder.

import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('../fixtures/results.json', import.meta.url));
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts', import.meta.url));
