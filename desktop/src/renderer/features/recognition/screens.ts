// Everything of recognition the sidebar shows, in one chunk loaded once after the first screen
// (one dynamic import keeps the first load's list of chunks short).
export { MyRecognition, RecognitionNotices } from './AgentRecognition.js';
export { default as RecognitionView } from './RecognitionView.js';
export { ShoutoutComposer } from './ShoutoutComposer.js';
