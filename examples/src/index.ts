// @parlab/examples: the course unit's own words (its questions, advantages and disadvantages), for any package that shows them — named re-exports only.
export { ADVANTAGES, DISADVANTAGES, PROS_AND_CONS_TITLE, QUESTIONS, WORKSHOP_TITLE, question } from './course.js';
export type { UnitPoint, UnitQuestion } from './course.js';
export type { Lang, Text } from './text.js';
