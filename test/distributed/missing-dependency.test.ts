/**
 * bullmq and ioredis are optional peer dependencies: without one, a distributed run or a worker
 * fails with a MissingDependencyError that names the package, who needed it and
 * `npm install bullmq ioredis`. Node's
 * own "cannot find module" error is made here by a module factory that throws it, as require does.
 */
type Load = typeof import('../../adapters/bullmq/load');

test('with bullmq installed, the one door gives its Queue, Worker and FlowProducer', () => {
  const { loadBullmq } = require('../../adapters/bullmq/load') as Load;
  const bull = loadBullmq('quiver worker');
  const kinds = [typeof bull.Queue, typeof bull.Worker, typeof bull.FlowProducer];
  expect(kinds).toEqual(['function', 'function', 'function']);
});

test('without bullmq: MissingDependencyError naming the package and the install command', () => {
  jest.isolateModules(() => {
    jest.doMock('bullmq', () => {
      throw Object.assign(new Error("Cannot find module 'bullmq'\nRequire stack: …"), { code: 'MODULE_NOT_FOUND' });
    });
    const { loadBullmq } = require('../../adapters/bullmq/load') as Load;
    const { MissingDependencyError } = require('../../src/errors') as typeof import('../../src/errors');
    let error: unknown;
    try {
      loadBullmq('quiver worker');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingDependencyError);
    expect((error as Error).message).toBe(
      'quiver worker needs the package "bullmq", which is not installed. ' +
        'Install it where quiver is installed: npm install bullmq ioredis',
    );
  });
});

test('with ioredis installed, the one door gives its client class', () => {
  const { loadIORedis } = require('../../adapters/bullmq/load') as Load;
  const Redis = loadIORedis('quiver worker');
  const client = new Redis({ lazyConnect: true });
  expect(typeof client.defineCommand).toBe('function');
  client.disconnect();
});

test('without ioredis: MissingDependencyError naming the package, before any connection is tried', async () => {
  await jest.isolateModulesAsync(async () => {
    jest.doMock('ioredis', () => {
      throw Object.assign(new Error("Cannot find module 'ioredis'\nRequire stack: …"), { code: 'MODULE_NOT_FOUND' });
    });
    type Connection = typeof import('../../adapters/bullmq/connection');
    const { connectRedis } = require('../../adapters/bullmq/connection') as Connection;
    const { MissingDependencyError } = require('../../src/errors') as typeof import('../../src/errors');
    const attempt = connectRedis('redis://127.0.0.1:1', { lasting: true });
    await expect(attempt).rejects.toBeInstanceOf(MissingDependencyError);
    await expect(attempt).rejects.toThrow(
      'quiver worker needs the package "ioredis", which is not installed. ' +
        'Install it where quiver is installed: npm install bullmq ioredis',
    );
  });
});
