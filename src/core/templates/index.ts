export { emptyOverrides, type OverrideValue, type TemplateOverrides } from './context-variable';
export { defaultTemplateLimits, type TemplateLimits } from './limits';
export { handleTemplateMessage, type MessageError, type TemplateAnswer, type TemplateMessage } from './render-request';
export {
  checkMappingTemplate,
  type RenderTemplateOptions,
  type RenderTemplateResult,
  renderMappingTemplate,
  type TemplatePhase,
} from './render-template';
export { parseSampleRequest, type SampleRequest, type SampleRequestError } from './sample-request';
export type { TemplateError, TemplateSource, TemplateWarning } from './template-errors';
