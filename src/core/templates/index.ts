export { emptyOverrides, type OverrideValue, type TemplateOverrides } from './context-variable';
export {
  buildIntegrationRequest,
  chooseRequestTemplate,
  type IntegrationRequest,
  type IntegrationRequestOptions,
  type IntegrationRequestResult,
  type TestBinding,
  type TestTarget,
} from './integration-request';
export {
  type BackendResponse,
  buildMethodResponse,
  chooseResponseTemplate,
  type MethodResponse,
  type MethodResponseResult,
  selectIntegrationResponse,
} from './integration-response';
export {
  handleIntegrationTestMessage,
  type IntegrationTestAnswer,
  type IntegrationTestMessage,
  type IntegrationTestResult,
  runIntegrationTest,
} from './integration-test';
export { defaultTemplateLimits, type TemplateLimits } from './limits';
export { evaluateMapping } from './parameter-mapping';
export { handleTemplateMessage, type MessageError, type TemplateAnswer, type TemplateMessage } from './render-request';
export {
  checkMappingTemplate,
  type RenderTemplateOptions,
  type RenderTemplateResult,
  renderMappingTemplate,
  type TemplatePhase,
} from './render-template';
export { parseSampleRequest, type SampleRequest, type SampleRequestError } from './sample-request';
export { type CompletionResult, completeMappingTemplate, type TemplateCompletion } from './template-completion';
export type { TemplateError, TemplateSource, TemplateWarning } from './template-errors';
export { type TemplateVocabulary, templateVocabulary } from './template-vocabulary';
export { defaultTestRequest, defaultTestResponse, pathParameterNames, sampleRequestOf, sampleStage } from './test-sample';
