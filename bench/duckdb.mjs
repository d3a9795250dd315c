// The benchmark's independent engine: the same aggregates as pk2d's family
// and health plugins, computed by DuckDB over the same CSV files.
//
//   node duckdb.mjs DATA_DIR WHO_DIR OUT.json
//
// Per village and RT: for each of the 29 survey indicators, the KK meeting it
// (sum of 1s) and the KK it applies to (sum of 0s and 1s); and the children
// measured, with a length-for-age z-score, and stunted (z < -2 after WHO
// Anthro's rounding to 2 decimals; |z| > 6 flagged and left out), the z
// computed from the WHO LMS table joined by sex and age in days with the
// same 0.7 cm lying/standing adjustment. Prints timings and writes totals.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const [dataDir, whoDir, outPath] = process.argv.slice(2);
const ind = ['L1', 'L2', 'L3', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6',
	'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8',
	'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6'];

const t0 = process.hrtime.bigint();
const secs = (a, b) => Number(b - a) / 1e9;
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();

const cols = ind.map((c) =>
	`sum(("${c}" = '1')::INTEGER) AS ${c}_met, sum(("${c}" IN ('0', '1'))::INTEGER) AS ${c}_app`).join(',\n  ');
const survey = `
CREATE TABLE survey_agg AS
SELECT kode_wilayah, rt, count(*) AS kk,
  ${cols}
FROM read_csv('${dataDir}/keluarga.csv', header = true, delim = ',', all_varchar = true)
GROUP BY kode_wilayah, rt`;

const children = `
CREATE TABLE lms AS
SELECT sex, age_days, "L" AS l, "M" AS m, "S" AS s
FROM read_csv('${whoDir}/length-height-for-age.csv', header = true);
CREATE TABLE child_agg AS
WITH c AS (
  SELECT "Kode Desa" AS area, "RT" AS rt,
    CASE "JK" WHEN 'L' THEN 1 WHEN 'P' THEN 2 END AS sex,
    date_diff('day', strptime("Tgl Lahir", '%d/%m/%Y')::DATE,
              strptime("Tanggal Pengukuran", '%d/%m/%Y')::DATE) AS age,
    replace("Tinggi", ',', '.')::DOUBLE AS h, lower("Cara Ukur") AS how
  FROM read_csv('${dataDir}/balita.csv', header = true, delim = ';', all_varchar = true)
), adj AS (
  SELECT area, rt, sex, age,
    h + CASE WHEN age < 731 AND how = 'berdiri' THEN 0.7
             WHEN age >= 731 AND how = 'terlentang' THEN -0.7 ELSE 0 END AS h
  FROM c
), z AS (
  SELECT a.area, a.rt, round((pow(a.h / l.m, l.l) - 1) / (l.l * l.s), 2) AS z
  FROM adj a JOIN lms l ON l.sex = a.sex AND l.age_days = a.age
  WHERE a.age BETWEEN 0 AND 1826 AND a.h > 0
)
SELECT area, rt, count(*) FILTER (WHERE z BETWEEN -6 AND 6) AS measured,
  count(*) FILTER (WHERE z < -2 AND z >= -6) AS stunted
FROM z GROUP BY area, rt`;

const t1 = process.hrtime.bigint();
await con.run(survey);
const t2 = process.hrtime.bigint();
await con.run(children);
const t3 = process.hrtime.bigint();

const sums = ind.map((c) => `sum(${c}_met)::BIGINT AS ${c}_met, sum(${c}_app)::BIGINT AS ${c}_app`).join(', ');
const s = (await con.runAndReadAll(`SELECT count(*)::BIGINT AS groups, sum(kk)::BIGINT AS rows, ${sums} FROM survey_agg`)).getRowObjects()[0];
const k = (await con.runAndReadAll(`SELECT count(*)::BIGINT AS groups, sum(measured)::BIGINT AS measured, sum(stunted)::BIGINT AS stunted FROM child_agg`)).getRowObjects()[0];
const t4 = process.hrtime.bigint();

const plain = (o) => Object.fromEntries(Object.entries(o).map(([key, v]) => [key, Number(v)]));
const out = {
	engine: 'DuckDB ' + (await con.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v,
	seconds: { start: secs(t0, t1), survey: secs(t1, t2), children: secs(t2, t3), totals: secs(t3, t4), total: secs(t0, t4) },
	survey: plain(s),
	children: plain(k),
};
writeFileSync(outPath, JSON.stringify(out, null, 1));
console.log(`duckdb: survey ${out.seconds.survey.toFixed(2)} s, children ${out.seconds.children.toFixed(2)} s, total ${out.seconds.total.toFixed(2)} s`);
