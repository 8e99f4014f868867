// Global setup of the PostgreSQL test run: one throwaway cluster for the whole `vitest run`, stopped and removed
// at its end (a server is never left running). Test files reach it through inject('pgAdminUrl').
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  project.provide('pgAdminUrl', cluster.url);
  return cluster.stop;
}
