import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** An API key value given by hand has 20 to 128 characters; `addApiKey` refuses others, imported data may not. */
export const apiKeyValue = defineDesignRule({
  id: 'api-key-value',
  severity: 'error',
  title: 'API key value of the wrong length',
  why: 'API Gateway generates an API key value when none is given. A value you choose has 20 to 128 characters, so that keys are hard to guess.',
  docsUrl: guide('api-gateway-api-usage-plans'),
  reads: ['apiKeys'],
  check(design, _index, report) {
    for (const key of Object.values(design.apiKeys)) {
      const length = key.value?.length;
      if (length === undefined || length === 0 || (length >= 20 && length <= 128)) continue;
      report({
        message: `API key ${key.name} has a ${length}-character value; a value has 20 to 128 characters.`,
        target: { kind: 'apiKey', id: key.id },
      });
    }
  },
});
