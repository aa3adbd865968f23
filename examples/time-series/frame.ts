/** The stocks training frame: next row's price per symbol, two exogenous tables joined as of time. */
import { buildTrainingFrame, type TrainingFrame } from 'quiver';
import { readJobs, readMarket, readPrices } from './data';
import { StockFeatures } from './features';

/** The joins, named for the report. */
export const JOIN_NAMES = ['sp500.csv', 'us-employment.csv'] as const;

/** Build the frame: the market level at most 31 days old, the jobs report at most 45 days old. */
export function stocksFrame(): Promise<TrainingFrame> {
  return buildTrainingFrame({
    features: [StockFeatures],
    data: readPrices(),
    entity: 'symbol',
    time: 'date',
    target: 'price',
    include: ['price'],
    splits: { validation: '2008-01-01', test: '2009-01-01' },
    joins: [
      { data: readMarket(), on: 'date', tolerance: '31D', prefix: 'm_' },
      { data: readJobs(), on: 'month', tolerance: '45D', prefix: 'jobs_' },
    ],
  });
}
