import { closedGeminiGate, type GeminiGate } from '../../online/gemini/access.ts';
import type { Stage } from '../engine/stage.ts';
import { createAnalysisStage } from './analysisStage.ts';
import { audioStage } from './audioStage.ts';
import { layoutStage } from './layoutStage.ts';
import { pausesStage } from './pausesStage.ts';
import { probeStage } from './probeStage.ts';
import { renderStage } from './renderStage.ts';
import { selectionStage } from './selectionStage.ts';
import { createTranscriptStage } from './transcriptStage.ts';

export interface OnlineServices {
  gemini: GeminiGate;
}

/** The whole pipeline, in order; the online services decide whether Gemini may transcribe and analyse. */
export function createPipelineStages(online: OnlineServices): readonly Stage<unknown>[] {
  return [
    probeStage,
    audioStage,
    pausesStage,
    createTranscriptStage(online),
    layoutStage,
    createAnalysisStage(online),
    selectionStage,
    renderStage,
  ];
}

/** The pipeline with no online service: everything on this computer. */
export const pipelineStages: readonly Stage<unknown>[] = createPipelineStages({ gemini: closedGeminiGate });
