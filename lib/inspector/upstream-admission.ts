import 'server-only';
import { getEnv } from '@/lib/env';
import { createAdmission, type Admission } from './admission';

const holder = globalThis as typeof globalThis & { __upstreamAdmission?: Admission };

/** The process-wide gate in front of every use case that calls Flinks (INSPECTOR_UPSTREAM_* variables). */
export function upstreamAdmission(): Admission {
  holder.__upstreamAdmission ??= createAdmission(getEnv().admission);
  return holder.__upstreamAdmission;
}
