// Every folder under workloads/ is a workspace package that follows the contract's layout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkloads } from '../dist/src/index.js';

const entries = findWorkloads();

describe('workloads/', () => {
  it('holds at least eight workloads', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
  });

  it.each(entries.map((e) => [e.id, e.dir]))('%s is named, built and tested like the others', (id, dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.name).toBe(`@parlab/workload-${id}`);
    expect(Object.keys(pkg.scripts).sort()).toEqual(['build', 'test', 'typecheck']);
    expect(pkg.dependencies['@parlab/bench']).toBe('workspace:*');
    expect(readFileSync(join(dir, 'test', 'contract.test.ts'), 'utf8')).toContain('describeWorkloadContract(workload)');
    expect(JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'))).toMatchObject({ extends: '../../tsconfig.base.json' });
    expect(existsSync(join(dir, 'src', 'index.ts'))).toBe(true);
  });
});
