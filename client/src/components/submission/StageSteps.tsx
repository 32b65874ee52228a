import type { SubmissionStage } from '../../gql/graphql';

/** The round in the order a category goes through it (DOMAIN.md §5). */
const STEPS: { stage: SubmissionStage; label: string }[] = [
  { stage: 'NOT_SUBMITTED', label: '預檢' },
  { stage: 'SUBMITTED', label: '已提交' },
  { stage: 'RECEIPTS_IMPORTED', label: '收訖明細已匯入' },
  { stage: 'CONFIRMING', label: '確認中' },
  { stage: 'DISPUTES', label: '疑義處理' },
  { stage: 'FINAL', label: '最終提交' },
];

export function StageSteps({ stage }: { stage: SubmissionStage }) {
  const current = STEPS.findIndex((step) => step.stage === stage);
  return (
    <ol className="wizard-steps" aria-label="階段">
      {STEPS.map((step, index) => (
        <li key={step.stage} aria-current={index === current ? 'step' : undefined}>
          {index < current || stage === 'FINAL' ? '✓ ' : `${index + 1}. `}
          {step.label}
        </li>
      ))}
    </ol>
  );
}
