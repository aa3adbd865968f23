/**
 * The main job's OpenLineage events (examples/weather): one START and one COMPLETE, and column
 * lineage mapping every feature of the frame to the raw weather.csv columns it is computed from.
 */
import { openLineage } from 'quiver';
import { readWeather, WEATHER_CSV } from '../../examples/weather/data';
import { weatherFrame } from '../../examples/weather/frame';

const RAW = ['location', 'date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'];

describe('examples/weather: lineage', () => {
  it('has one START and one COMPLETE event; every feature maps to raw columns', async () => {
    const events: Record<string, any>[] = [];
    const lineage = openLineage({
      namespace: 'forecasting', job: 'weather', emit: (e) => void events.push(e), inputs: [WEATHER_CSV], fields: { groups: 'location' },
    });
    const frame = await weatherFrame(await readWeather(), [lineage]);
    expect(events.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    const fields = events[1].outputs[0].facets.columnLineage.fields as Record<string, { inputFields: { field: string }[] }>;
    for (const feature of frame.features) {
      const from = fields[feature]?.inputFields.map((f) => f.field);
      expect({ feature, ok: from !== undefined && from.length > 0 && from.every((f) => RAW.includes(f)) }).toEqual({ feature, ok: true });
    }
    expect(frame.features.length).toBeGreaterThanOrEqual(1000);
    expect(fields.temp_max.inputFields.map((f) => f.field)).toEqual(['temp_max']);
  });
});
