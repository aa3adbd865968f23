/**
 * npm run build && node dist/examples/fused/main.js
 * A ratio feature written with the usual kernels, once as is and once inside fused(...): the
 * same code, the same bits, but one pass into one buffer instead of three passes and two
 * temporaries. Prints both timings on a million rows and checks they agree.
 */
import 'reflect-metadata';
import { Builder, abs, add, div, feature, fused } from 'quiver';

class Marketing {
  /** Unfused: abs(signups) and abs(signups) + 1 are columns of their own. */
  @feature()
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return div(spend, add(abs(signups), 1));
  }

  /** Fused: the same expression, evaluated row by row in one generated loop. */
  @feature()
  spendPerSignupFused(spend: Float64Array, signups: Float64Array): Float64Array {
    return fused((p, s) => div(p, add(abs(s), 1)), spend, signups);
  }
}

async function main(): Promise<void> {
  const n = 1_000_000;
  const spend = Float64Array.from({ length: n }, (_, i) => (i % 1000 === 7 ? NaN : 1000 + (i % 97)));
  const signups = Float64Array.from({ length: n }, (_, i) => (i % 31) - 15);
  const dr = new Builder().withFeatures(Marketing).build();
  for (const name of ['spendPerSignup', 'spendPerSignupFused']) {
    await dr.execute([name], { inputs: { spend, signups } }); // warm-up
    const t = performance.now();
    await dr.execute([name], { inputs: { spend, signups } });
    console.log(`${name}: ${(performance.now() - t).toFixed(1)} ms`);
  }
  const both = await dr.execute(['spendPerSignup', 'spendPerSignupFused'], { inputs: { spend, signups } });
  const a = both.getChild('spendPerSignup')!.toArray() as Float64Array;
  const b = both.getChild('spendPerSignupFused')!.toArray() as Float64Array;
  const same = a.every((v, i) => Object.is(v, b[i]));
  console.log(same ? 'fused and unfused agree bit for bit' : 'MISMATCH');
  if (!same) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
