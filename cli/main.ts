// temporary probe
const m = require(process.argv[2]);
const { Builder } = require('quiver');
const dr = new Builder().withFeatures(m.Spend).build();
console.log(JSON.stringify(dr.listAvailableVariables(), null, 1).slice(0, 1500));
dr.run(['total', 'tripled'], { inputs: { spend: new Float64Array([1, 2, 3]) } }).then((r: any) => console.log(r.result.toString(), r.quality, r.timings));
