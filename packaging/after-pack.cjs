// electron-builder afterPack hook (electron-builder.yml). An Electron supplied by hand through
// electronDist keeps its default app (resources/default_app.asar), which electron-builder removes
// only from a zip it downloaded itself. It shows electronjs.org links if it ever runs: never ship it.
const fs = require('node:fs');
const path = require('node:path');

exports.default = async function afterPack(context) {
  fs.rmSync(path.join(context.appOutDir, 'resources', 'default_app.asar'), { force: true });
};
