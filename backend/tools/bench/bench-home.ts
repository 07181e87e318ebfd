import { RECENT_EMPLOYERS_KEPT } from '@tyoelama/shared';
import type { Pool } from 'pg';
import { BENCH_CAMPUS_MEMBER_EMAIL } from './scale-vocabulary';

/** The home page's rows in the bench (`BENCH_ONLY=home`), shaped as bench.ts's scenarios. */
export interface HomeScenario {
  key: 'home';
  label: string;
  who: 'manager' | 'campus';
  method: 'GET';
  target: number;
  read: true;
  /** Home's sections are remembered per user until the next change: the first request after one is timed too. */
  remembered: true;
  path: string;
}

/**
 * `GET /api/home` as the busy account manager and as the campus member of the largest group, each
 * with a full "recently viewed" list (the scale seed has no views), so every section has rows.
 */
export async function homeScenarios(
  pool: Pool,
  facts: { managerId: number; writeEmployerIds: number[]; campusEmployerIds: number[] },
): Promise<HomeScenario[]> {
  const { rows } = await pool.query<{ id: number }>(`SELECT id FROM users WHERE lower(email) = $1`, [
    BENCH_CAMPUS_MEMBER_EMAIL,
  ]);
  const views: [number, number[]][] = [
    [facts.managerId, facts.writeEmployerIds.slice(0, RECENT_EMPLOYERS_KEPT)],
    [rows[0].id, facts.campusEmployerIds.slice(0, RECENT_EMPLOYERS_KEPT)],
  ];
  for (const [userId, employerIds] of views) {
    await pool.query(
      `INSERT INTO recent_employer_views (user_id, employer_id)
       SELECT $1, unnest($2::int[]) ON CONFLICT (user_id, employer_id) DO UPDATE SET viewed_at = now()`,
      [userId, employerIds],
    );
  }
  const home = (who: HomeScenario['who'], label: string): HomeScenario => ({
    key: 'home',
    label,
    who,
    method: 'GET',
    target: 100,
    read: true,
    remembered: true,
    path: '/api/home',
  });
  return [home('manager', 'Home (account manager)'), home('campus', 'Home (campus member)')];
}
