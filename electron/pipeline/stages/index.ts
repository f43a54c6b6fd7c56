import type { Stage } from '../engine/stage.ts';
import { analysisStage } from './analysisStage.ts';
import { audioStage } from './audioStage.ts';
import { layoutStage } from './layoutStage.ts';
import { pausesStage } from './pausesStage.ts';
import { probeStage } from './probeStage.ts';
import { selectionStage } from './selectionStage.ts';
import { transcriptStage } from './transcriptStage.ts';

/** The stages that exist so far, in pipeline order; rendering plugs in after selection. */
export const pipelineStages: readonly Stage<unknown>[] = [
  probeStage,
  audioStage,
  pausesStage,
  transcriptStage,
  layoutStage,
  analysisStage,
  selectionStage,
];
