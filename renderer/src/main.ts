// The React UI lands here (issue 4). Until then this file keeps the browser TypeScript project honest.
export const appName = '창문';
