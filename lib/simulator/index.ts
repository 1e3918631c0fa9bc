export { createSimulator, type Simulator } from './handler';
export { type SimulatorOptions, type TokenErrorCode } from './options';
export { PERSONAS } from './personas';
export { SAMPLE_LOGIN_ID, loginIdFor } from './state';
