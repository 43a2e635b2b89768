/** The targets over the labelled documents kept in the repository (any clone has them). */
import { inRepository, labels } from './labelled-set.js';
import { describeTargets } from './labelled-targets.js';

describeTargets('inference over the labelled set kept in the repository', labels().filter(inRepository));
