import { schemaHint } from '../../../adapters/csv/schema-hint';

describe('schemaHint: how a reader message says to declare a type, in code and on the command line', () => {
  it('gives both forms, the command-line one as the shell reads it back', () => {
    expect(schemaHint('day', 'timestamp')).toBe(
      `schema: { "day": 'timestamp' } (on the command line: --schema day=timestamp)`,
    );
    expect(schemaHint('max temp', 'float64')).toBe(
      `schema: { "max temp": 'float64' } (on the command line: --schema 'max temp=float64')`,
    );
    expect(schemaHint("o'clock", 'utf8')).toBe(
      `schema: { "o'clock": 'utf8' } (on the command line: --schema 'o'\\''clock=utf8')`,
    );
  });

  it('points a name with a comma, which col=type pairs cannot hold, to a JSON schema file', () => {
    expect(schemaHint('a,b', 'utf8')).toBe(
      `schema: { "a,b": 'utf8' } (on the command line: --schema FILE.json holding { "a,b": "utf8" })`,
    );
  });
});
