import type { Stage } from '../engine/stage.ts';
import { analysisStage } from './analysisStage.ts';
import { audioStage } from './audioStage.ts';
import { layoutStage } from './layoutStage.ts';
import { pausesStage } from './pausesStage.ts';
import { probeStage } from './probeStage.ts';
import { renderStage } from './renderStage.ts';
import { selectionStage } from './selectionStage.ts';
import { transcriptStage } from './transcriptStage.ts';

/** The whole pipeline, in order. */
export const pipelineStages: readonly Stage<unknown>[] = [
  probeStage,
  audioStage,
  pausesStage,
  transcriptStage,
  layoutStage,
  analysisStage,
  selectionStage,
  renderStage,
];
