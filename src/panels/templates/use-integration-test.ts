import { useEffect, useState } from 'react';
import type { IntegrationTestMessage, IntegrationTestResult } from '../../core/templates/integration-test';
import { renderTimeLimitMs, runTestInWorker } from './template-worker';

export type TestRun =
  | { status: 'running'; previous?: IntegrationTestResult }
  | { status: 'done'; result: IntegrationTestResult }
  | { status: 'stopped'; message: string };

/**
 * Runs the test bench in its worker a moment after the samples or templates last changed; the newest run
 * wins. A run that does not answer in time is stopped, and the person is told so.
 */
export function useIntegrationTest(message: Omit<IntegrationTestMessage, 'type' | 'limits'> | undefined): TestRun {
  const [run, setRun] = useState<TestRun>({ status: 'running' });
  const key = message === undefined ? '' : JSON.stringify(message);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the message's content; a new object with the same content is the same test
  useEffect(() => {
    if (message === undefined) return;
    let current = true;
    setRun((before) => ({ status: 'running', ...(before.status === 'done' ? { previous: before.result } : {}) }));
    const timer = setTimeout(() => {
      void runTestInWorker(message).then((outcome) => {
        if (!current || outcome.kind === 'superseded') return;
        if (outcome.kind === 'timeout')
          setRun({
            status: 'stopped',
            message: `The test took longer than ${renderTimeLimitMs / 1000} seconds and was stopped (a long loop or a slow regular expression in a template?). Nothing was changed.`,
          });
        else if (outcome.kind === 'failed') setRun({ status: 'stopped', message: `The test could not run: ${outcome.message}.` });
        else if (!outcome.answer.ok) setRun({ status: 'stopped', message: `The test could not run: ${outcome.answer.message}.` });
        else {
          const { integrationRequest, methodResponse } = outcome.answer;
          setRun({ status: 'done', result: methodResponse ? { integrationRequest, methodResponse } : { integrationRequest } });
        }
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return run;
}
