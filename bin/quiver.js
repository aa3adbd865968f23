#!/usr/bin/env node
'use strict';
// The `quiver` command: the compiled CLI (npm run build makes dist/).
require('../dist/cli/main.js');
