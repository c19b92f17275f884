/** The Web Worker that runs a student's code for the in-browser grader (one per run; see @convkit/grader/browser). */
import '@convkit/grader/browser/worker';
