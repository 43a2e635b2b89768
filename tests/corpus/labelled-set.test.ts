/**
 * `npm run test:corpus`: the targets over the whole labelled set, with the documents
 * that are read from the shared corpus because they cannot be redistributed.
 */
import { labels } from '../infer/labelled-set.js';
import { describeTargets } from '../infer/labelled-targets.js';

describeTargets('inference over the whole labelled set, shared corpus included', labels());
