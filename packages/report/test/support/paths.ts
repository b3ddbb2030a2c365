// Paths the tests share: the fixture, the built CLI, the artifacts folder.

import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('../fixtures/results.json', import.meta.url));
/** The same kind of run as the first runner wrote it (schema 1), read by upgrading it. */
export const FIXTURE_V1 = fileURLToPath(new URL('../fixtures/results-v1.json', import.meta.url));
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts', import.meta.url));
