/**
 * Every tab of the dashboard, in display order. Adding a tab is one entry
 * here and its module; the build packs what the entry lists into the tab's
 * data file, and the browser tests visit every tab listed.
 */
import type { TabDef } from '../tab-def.ts';

export const TABS: TabDef[] = [
  {
    id: 'overview',
    title: 'Overview',
    parts: ['phasePoints', 'headlines'],
    load: () => import('./overview.ts'),
  },
  {
    id: 'diagnose',
    title: 'Diagnose',
    parts: ['config', 'panels', 'reference', 'interventions', 'noise', 'example'],
    load: () => import('./diagnose.ts'),
  },
  {
    id: 'predict',
    title: 'ODE and predictions',
    tables: ['A-extra-ode-leave-one-family-out', 'A-s4-llama2-holdout-baselines'],
    figures: ['A-fig3-ode-trajectories', 'A-fig2c-llama2-holdout'],
    parts: ['config', 'panels'],
    load: () => import('./predict.ts'),
  },
  {
    id: 'frontier',
    title: 'Frontier',
    tables: ['B-s4-lab-trajectories', 'B-s4-trajectory-steps', 'B-tab1-per-lab-hfield', 'B-tab3-frontier-panel', 'B-s6-predictions'],
    figures: ['B-fig1a-frontier-scatter', 'B-fig1b-hfield-by-lab'],
    parts: ['config', 'frontierLine'],
    load: () => import('./frontier.ts'),
  },
  {
    id: 'eigen',
    title: 'Eigenstructure',
    tables: ['A-fig1d-deff-phases', 'A-appA9-pythia-eigen', 'A-appA9-pythia-summary', 'A-s2_3-pca-26models', 'B-tab2-coupling-matrix-eigenvalues'],
    figures: ['A-fig1d-deff-phases', 'A-extra-pythia-eigen-trend'],
    load: () => import('./eigen.ts'),
  },
  {
    id: 'out-of-sample',
    title: 'Out of sample',
    tables: ['oos-predictions', 'oos-prediction-families', 'oos-nc', 'oos-families', 'oos-intervals'],
    figures: ['A-oos-g12-signs'],
    load: () => import('./out-of-sample.ts'),
  },
  {
    id: 'claims',
    title: 'Claims',
    parts: ['claims', 'statuses', 'claimLinks'],
    load: () => import('./claims.ts'),
  },
];
