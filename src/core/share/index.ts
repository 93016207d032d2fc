export {
  type DecodeShareLinkResult,
  decodeShareLink,
  type EncodeShareLinkResult,
  encodeShareLink,
  maxInflatedBytes,
  maxShareLinkChars,
  shareLinkVersion,
} from './share-link';
