#!/usr/bin/env node
// The `notecast` command; the code is built from src/cli into lib/.
import '../lib/src/cli/bin.js';
