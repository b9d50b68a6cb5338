/** "What if it slips": the pure parts shared by the simulation, the API and the console. */
export * from './board.js';
export * from './compare.js';
export * from './figures.js';
export * from './weeks.js';
export * from './schemas.js';
