import type { Stage } from '../engine/stage.ts';
import { audioStage } from './audioStage.ts';
import { probeStage } from './probeStage.ts';

/** The stages that exist so far, in pipeline order; later stages plug in here. */
export const pipelineStages: readonly Stage<unknown>[] = [probeStage, audioStage];
