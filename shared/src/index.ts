export * from './board/types.ts';
