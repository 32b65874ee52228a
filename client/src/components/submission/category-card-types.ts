import type { SubmissionConsoleQuery } from '../../gql/graphql';

/** One category of the submission console, as its card shows it. */
export type Category = SubmissionConsoleQuery['submissionConsole'][number];

/** The action a card is running, if any; an upload carries the fraction sent so far. */
export type Busy = null | 'submit' | 'send' | 'import' | 'confirm' | 'finalize' | { uploading: number };
