import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import { computeFigures } from '../figures/computeFigures.ts';
import { buildInsightTestNetwork } from '../testing/insightTestNetwork.ts';
import { figuresCsv } from './figuresCsv.ts';

const doc = new Y.Doc();
const { id } = buildInsightTestNetwork(doc, '2026-12-01');
const snapshot = readBoard(doc);
const files = figuresCsv(computeFigures(snapshot, '2026-12-01'), snapshot);
const rows = (file: string): string[][] =>
  (files[file] ?? '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

describe('the figures as CSV tables', () => {
  it('has one table per figure, names beside ids', () => {
    expect(Object.keys(files).sort()).toEqual([
      'brokers.csv',
      'clusters.csv',
      'give-take.csv',
      'health.csv',
      'isolated.csv',
      'maintenance.csv',
      'overlap-members.csv',
      'overlap-projects.csv',
      'role-coverage.csv',
      'summary.csv',
      'weak-spots.csv',
      'weakly-tied.csv',
    ]);
    expect(rows('brokers.csv')[1]?.slice(0, 4)).toEqual([
      '1',
      id('D'),
      'Stichting Welzijn Leiden',
      'organisation',
    ]);
    expect(rows('isolated.csv')[1]).toEqual([id('G'), 'Rabobank Leiden', 'organisation']);
    expect(rows('overlap-projects.csv')[1]).toEqual([
      'Thuis in Leiden',
      'Zorg dichtbij',
      '"Bram Kok; Carla Smit"',
      'zorg',
      '2',
    ]);
    const coverage = rows('role-coverage.csv').find((row) => row[0] === 'Zorg dichtbij');
    expect(coverage).toEqual(['Zorg dichtbij', '0', '1', '1', 'sponsor']);
  });

  it('speaks Dutch for a Dutch interface: file names, headers, words, semicolons and decimal commas', () => {
    const dutch = figuresCsv(computeFigures(snapshot, '2026-12-01'), snapshot, 'nl');
    const table = (file: string): string[][] =>
      (dutch[file] ?? '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(';'));
    expect(Object.keys(dutch)).toContain('bruggenbouwers.csv');
    expect(Object.keys(dutch)).toContain('rollen-per-project.csv');
    expect(table('bruggenbouwers.csv')[0]).toEqual([
      'plaats',
      'id',
      'naam',
      'soort',
      'tussenliggendheid (genormaliseerd)',
    ]);
    expect(table('bruggenbouwers.csv')[1]?.slice(0, 4)).toEqual([
      '1',
      id('D'),
      'Stichting Welzijn Leiden',
      'organisatie',
    ]);
    // A share is written with a decimal comma, so Dutch Excel reads it as a number.
    expect(table('bruggenbouwers.csv')[1]?.[4]).toMatch(/^\d+(,\d+)?$/);
    expect(table('samenvatting.csv').find((row) => row[0] === 'dichtheid')?.[1]).toMatch(/^0,\d+$/);
    const coverage = table('rollen-per-project.csv').find((row) => row[0] === 'Zorg dichtbij');
    expect(coverage).toEqual(['Zorg dichtbij', '0', '1', '1', 'sponsor']);
    expect(table('gezondheid.csv')[0]).toEqual(['lijst', 'relatie-id', 'van', 'naar', 'dimensie', 'waarde']);
    expect(table('gezondheid.csv')[1]?.slice(0, 1)).toEqual(['gemiddelde van het bord']);
    expect(table('gezondheid.csv')[1]?.[4]).toBe('Vertrouwen');
  });
});
