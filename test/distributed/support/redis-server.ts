/** The distributed tests start the same real redis-server as the distributed benchmark. */
export { freePort, hasRedis, startRedis, type RedisServer } from '../../../benchmarks/harness/redis-server';
