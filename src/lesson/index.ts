export * from './types.js';
export { evaluate, readyAddresses, resourceFor } from './checks.js';
export { LessonRunner, solutionsBefore, type LessonEvent, type LessonProgress } from './runner.js';
export { loadLesson, lessonIds, LessonLoadError, type LessonFiles } from './load.js';
export { autoplay, type AutoplayIO, type AutoplayResult } from './autoplay.js';
